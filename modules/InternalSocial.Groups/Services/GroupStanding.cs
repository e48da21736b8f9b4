using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

/// <summary>A person's standing towards one group.</summary>
internal sealed record GroupStanding(Group Group, GroupRole? Role, bool CanSee, bool CanRead, bool IsGroupAdmin, bool IsTenantAdmin)
{
    public bool IsMember => Role is not null;
}
