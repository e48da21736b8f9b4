namespace InternalSocial.Workflows.Endpoints;

internal sealed record RetryResult(string InstanceId, string Status);
