namespace InternalSocial.Users.Services;

internal sealed record ImportReport(bool DryRun, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors);
