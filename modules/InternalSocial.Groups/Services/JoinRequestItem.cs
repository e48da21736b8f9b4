using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

public sealed record JoinRequestItem(PersonSummary Person, DateTime CreatedUtc);
