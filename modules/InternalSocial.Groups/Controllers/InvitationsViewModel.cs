using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

internal sealed record InvitationsViewModel(IReadOnlyList<InvitationItem> Invitations);
