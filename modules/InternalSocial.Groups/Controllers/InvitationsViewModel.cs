using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

public sealed record InvitationsViewModel(IReadOnlyList<InvitationItem> Invitations);
