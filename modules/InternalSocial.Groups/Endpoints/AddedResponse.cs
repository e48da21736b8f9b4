
namespace InternalSocial.Groups.Endpoints;

public sealed record AddedResponse(int Added);
