namespace InternalSocial.Groups.Models;

public enum GroupType
{
    Project = 0,
    Community = 1,
}

/// <summary>Who sees a group and how people get in.</summary>
public enum GroupVisibility
{
    /// <summary>Everyone in the organisation reads and joins.</summary>
    Public = 0,

    /// <summary>Listed; content for members; join on request or invitation.</summary>
    Private = 1,

    /// <summary>Invisible to non-members; invitation only.</summary>
    Secret = 2,
}

/// <summary>Who may post in the group.</summary>
public enum PostingPolicy
{
    Everyone = 0,

    /// <summary>An announcement channel: owners and admins post, members read.</summary>
    AdminsOnly = 1,
}

/// <summary>A member's role in one group; higher values hold every right of the lower ones.</summary>
public enum GroupRole
{
    Member = 0,
    Moderator = 1,
    Admin = 2,
    Owner = 3,
}

public sealed class Group
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-case invariant name: unique, searched and sorted on.</summary>
    public required string NormalizedName { get; set; }

    public required string Slug { get; set; }

    public string Description { get; set; } = "";

    public GroupType Type { get; set; }

    public GroupVisibility Visibility { get; set; }

    public PostingPolicy PostingPolicy { get; set; }

    public bool PostsNeedApproval { get; set; }

    /// <summary>People cannot leave a mandatory group ("All company", a site's group).</summary>
    public bool IsMandatory { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>Path in the tenant's file store, or null.</summary>
    public string? CoverPath { get; set; }

    public int MemberCount { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }
}

public sealed class GroupMember
{
    public long GroupId { get; set; }

    public required string UserId { get; set; }

    public GroupRole Role { get; set; }

    public DateTime JoinedUtc { get; set; }

    /// <summary>Added by a membership rule: moving out of what the group's rules match takes the person out again.</summary>
    public bool ByRule { get; set; }
}

public sealed class JoinRequest
{
    public long GroupId { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A group admin's choice for one module in one group.</summary>
public sealed class GroupModuleSetting
{
    public long GroupId { get; set; }

    public required string ModuleKey { get; set; }

    public bool IsEnabled { get; set; }
}

/// <summary>A tenant administrator's lock on a module, for all groups (<see cref="Scope"/> "all") or one group type.</summary>
public sealed class GroupModuleLock
{
    public const string AllGroups = "all";

    public required string ModuleKey { get; set; }

    /// <summary>"all", "project" or "community".</summary>
    public required string Scope { get; set; }

    public bool IsEnabled { get; set; }
}

public enum MembershipRuleKind
{
    Department = 0,
    Site = 1,

    /// <summary>Every employee (not guests): "All company". <see cref="MembershipRule.Value"/> is unused.</summary>
    Everyone = 2,
}

/// <summary>Everyone whose department (or site) equals <see cref="Value"/>, or every employee, belongs to the group.</summary>
public sealed class MembershipRule
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public MembershipRuleKind Kind { get; set; }

    public required string Value { get; set; }
}

/// <summary>A pending invitation: the person becomes a member (with <see cref="Role"/>) only when they accept it.</summary>
public sealed class GroupInvitation
{
    public long GroupId { get; set; }

    public required string UserId { get; set; }

    public GroupRole Role { get; set; }

    public required string InvitedBy { get; set; }

    public DateTime CreatedUtc { get; set; }
}
