
namespace InternalSocial.Groups.Endpoints;

internal sealed record LockRequest(string? Scope, bool? Enabled);
