using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

public sealed record GroupListItem(Group Group, GroupRole? MyRole, bool Requested);
