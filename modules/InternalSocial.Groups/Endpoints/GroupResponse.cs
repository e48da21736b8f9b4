using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Endpoints;

internal sealed record GroupResponse(
    long Id,
    string Name,
    string Slug,
    string Description,
    GroupType Type,
    GroupVisibility Visibility,
    PostingPolicy PostingPolicy,
    bool PostsNeedApproval,
    bool IsMandatory,
    bool IsArchived,
    int MemberCount,
    string? CoverUrl,
    GroupRole? MyRole,
    bool Requested)
{
    public static GroupResponse From(Group group, GroupRole? myRole, bool requested = false)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new(group.Id, group.Name, group.Slug, group.Description, group.Type, group.Visibility, group.PostingPolicy, group.PostsNeedApproval,
            group.IsMandatory, group.IsArchived, group.MemberCount, group.CoverPath is null ? null : $"/api/v1/groups/{group.Id}/cover", myRole, requested);
    }
}
