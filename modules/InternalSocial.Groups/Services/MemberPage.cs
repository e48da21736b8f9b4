
namespace InternalSocial.Groups.Services;

public sealed record MemberPage(IReadOnlyList<MemberItem> Members, string? NextCursor);
