namespace InternalSocial.Workflows.Services;

internal enum SaveMode
{
    Create,
    Update,
    Upsert,
}
