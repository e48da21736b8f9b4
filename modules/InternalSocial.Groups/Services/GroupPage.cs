
namespace InternalSocial.Groups.Services;

internal sealed record GroupPage(IReadOnlyList<GroupListItem> Groups, string? NextCursor);
