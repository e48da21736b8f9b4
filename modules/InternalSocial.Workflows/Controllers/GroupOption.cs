namespace InternalSocial.Workflows.Controllers;

public sealed record GroupOption(long Id, string Name, int Count);
