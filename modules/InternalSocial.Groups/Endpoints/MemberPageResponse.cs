
namespace InternalSocial.Groups.Endpoints;

internal sealed record MemberPageResponse(IReadOnlyList<MemberResponse> Members, string? NextCursor);
