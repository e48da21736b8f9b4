using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Services;

/// <summary>A new post's input once checked: what <see cref="PostCreator"/> saves, one copy per target group.</summary>
internal sealed record PostDraft(
    string Body,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Sites,
    IReadOnlyList<long> GroupIds,
    DateTime PublishAt,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<FilledAddon> Addons)
{
    /// <summary>Where copies go: each group, or the organisation-wide feed (null).</summary>
    public IReadOnlyList<long?> Targets => GroupIds.Count == 0 ? [null] : GroupIds.Select(g => (long?)g).ToList();
}
