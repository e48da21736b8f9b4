
namespace InternalSocial.Groups.Services;

public sealed record GroupPage(IReadOnlyList<GroupListItem> Groups, string? NextCursor);
