namespace InternalSocial.Workflows.Endpoints;

public sealed record RetryResult(string InstanceId, string Status);
