using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

internal sealed record MembersViewModel(GroupSpaceViewModel Space, MemberPage Page, IReadOnlyList<PendingInvitationItem> Invitations);
