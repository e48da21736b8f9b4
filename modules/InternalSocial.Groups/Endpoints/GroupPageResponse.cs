
namespace InternalSocial.Groups.Endpoints;

public sealed record GroupPageResponse(IReadOnlyList<GroupResponse> Groups, string? NextCursor);
