using InternalSocial.Users.Services;

namespace InternalSocial.Groups.Services;

public sealed record JoinRequestItem(PersonSummary Person, DateTime CreatedUtc);
