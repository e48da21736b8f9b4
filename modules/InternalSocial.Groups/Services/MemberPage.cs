
namespace InternalSocial.Groups.Services;

internal sealed record MemberPage(IReadOnlyList<MemberItem> Members, string? NextCursor);
