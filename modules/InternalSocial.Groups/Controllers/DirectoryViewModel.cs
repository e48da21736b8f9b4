using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

internal sealed record DirectoryViewModel(GroupPage Page, GroupQuery Query, bool CanCreate, int Invitations = 0);
