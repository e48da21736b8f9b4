
namespace InternalSocial.Groups.Endpoints;

public sealed record LockRequest(string? Scope, bool? Enabled);
