
namespace InternalSocial.Groups.Endpoints;

internal sealed record ModuleRequest(bool? Enabled);
