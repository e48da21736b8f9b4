
namespace InternalSocial.Groups.Endpoints;

internal sealed record ModuleStateResponse(string Key, string DisplayName, bool IsEnabled, bool IsLocked);
