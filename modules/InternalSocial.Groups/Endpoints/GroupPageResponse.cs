
namespace InternalSocial.Groups.Endpoints;

internal sealed record GroupPageResponse(IReadOnlyList<GroupResponse> Groups, string? NextCursor);
