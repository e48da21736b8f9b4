using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

internal sealed record JoinRequestItem(PersonSummary Person, DateTime CreatedUtc);
