namespace InternalSocial.Workflows.Controllers;

internal sealed record GroupOption(long Id, string Name, int Count);
