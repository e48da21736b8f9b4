
namespace InternalSocial.Groups.Endpoints;

public sealed record ModuleStateResponse(string Key, string DisplayName, bool IsEnabled, bool IsLocked);
