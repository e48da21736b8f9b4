using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

public sealed record MembersViewModel(GroupSpaceViewModel Space, MemberPage Page, IReadOnlyList<PendingInvitationItem> Invitations);
