using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// The "announcements to acknowledge" section of each e-mail digest: the announcements the person sees in their feed
/// that ask for an acknowledgement they have not given, newest first.
/// </summary>
internal sealed class PendingAcknowledgementsDigest(FeedDbContext db, FeedReaderResolver readers, PostVisibility visibility, IStringLocalizer<ModuleResources> T)
    : PostDigestSection(readers, visibility)
{
    public const int MaxLines = 10;

    protected override string Heading => T["Announcements you still have to acknowledge"];

    protected override IQueryable<Post> Choose(FeedReader reader, IQueryable<Post> visible, DateTime sinceUtc) => visible
        .Where(p => p.RequiresAcknowledgement && !db.Acknowledgements.Any(a => a.PostId == p.Id && a.UserId == reader.UserId))
        .OrderByDescending(p => p.PublishedUtc)
        .Take(MaxLines);
}
