using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Notifications.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// The "announcements to acknowledge" section of each e-mail digest: the announcements the person sees in their feed
/// (the feed's own visibility, as that person) that ask for an acknowledgement they have not given, newest first.
/// </summary>
internal sealed class PendingAcknowledgementsDigest(FeedDbContext db, FeedReaderResolver readers, PostVisibility visibility, IStringLocalizer<ModuleResources> T)
    : IDigestSectionProvider
{
    public const int MaxLines = 10;

    public async Task<DigestSection?> GetSectionAsync(ClaimsPrincipal person, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(person, cancellationToken);
        var pending = await visibility.Visible(reader)
            .Where(p => p.RequiresAcknowledgement && !db.Acknowledgements.Any(a => a.PostId == p.Id && a.UserId == reader.UserId))
            .OrderByDescending(p => p.PublishedUtc)
            .Take(MaxLines)
            .Select(p => new { p.Id, p.Body })
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return null;
        }

        return new DigestSection(
            T["Announcements you still have to acknowledge"],
            pending.Select(p => Line(p.Id, p.Body)).ToList());
    }

    /// <summary>A post as a digest line: its first 100 characters, and its link.</summary>
    internal static DigestLine Line(long postId, string body) =>
        new(body.Length > 100 ? body[..100] + "…" : body, $"/posts/{postId.ToString(CultureInfo.InvariantCulture)}");
}
