
namespace InternalSocial.Groups.Endpoints;

internal sealed record JoinResponse(string State);
