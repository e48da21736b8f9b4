
namespace InternalSocial.Groups.Endpoints;

internal sealed record AddedResponse(int Added);
