using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

internal sealed record GroupListItem(Group Group, GroupRole? MyRole, bool Requested);
