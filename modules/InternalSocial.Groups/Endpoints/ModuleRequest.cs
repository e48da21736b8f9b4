
namespace InternalSocial.Groups.Endpoints;

public sealed record ModuleRequest(bool? Enabled);
