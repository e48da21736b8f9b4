using InternalSocial.Groups.Models;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

public sealed record PendingInvitationItem(PersonSummary Person, GroupRole Role, DateTime CreatedUtc);
