namespace InternalSocial.Groups.Models;

internal sealed class Group
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
