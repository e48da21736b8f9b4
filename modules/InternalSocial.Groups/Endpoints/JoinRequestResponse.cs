
namespace InternalSocial.Groups.Endpoints;

public sealed record JoinRequestResponse(string UserId, string UserName, string DisplayName, DateTime CreatedUtc);
