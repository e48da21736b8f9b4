
namespace InternalSocial.Groups.Endpoints;

public sealed record JoinResponse(string State);
