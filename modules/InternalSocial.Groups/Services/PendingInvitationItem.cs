using InternalSocial.Groups.Models;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

internal sealed record PendingInvitationItem(PersonSummary Person, GroupRole Role, DateTime CreatedUtc);
