namespace InternalSocial.Workflows.Services;

public enum SaveMode
{
    Create,
    Update,
    Upsert,
}
