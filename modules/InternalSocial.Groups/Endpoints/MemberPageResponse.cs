
namespace InternalSocial.Groups.Endpoints;

public sealed record MemberPageResponse(IReadOnlyList<MemberResponse> Members, string? NextCursor);
