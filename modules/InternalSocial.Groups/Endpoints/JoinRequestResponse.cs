
namespace InternalSocial.Groups.Endpoints;

internal sealed record JoinRequestResponse(string UserId, string UserName, string DisplayName, DateTime CreatedUtc);
