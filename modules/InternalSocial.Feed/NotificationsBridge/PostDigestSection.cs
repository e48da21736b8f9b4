using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Notifications.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// A section of the e-mail digest that lists posts, read with the feed's own visibility as the person (a private group
/// they left, or a post targeted elsewhere, never shows); none, no section.
/// </summary>
internal abstract class PostDigestSection(FeedReaderResolver readers, PostVisibility visibility) : IDigestSectionProvider
{
    protected abstract string Heading { get; }

    public async Task<DigestSection?> GetSectionAsync(ClaimsPrincipal person, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(person, cancellationToken);
        var posts = await Choose(reader, visibility.Visible(reader), sinceUtc)
            .Select(p => new { p.Id, p.Body })
            .ToListAsync(cancellationToken);
        return posts.Count == 0 ? null : new DigestSection(Heading, [.. posts.Select(p => Line(p.Id, p.Body))]);
    }

    /// <summary>The section's posts among those the person sees, in order, at most as many as it shows.</summary>
    protected abstract IQueryable<Post> Choose(FeedReader reader, IQueryable<Post> visible, DateTime sinceUtc);

    /// <summary>A post as a digest line: its first 100 characters, and its link.</summary>
    private static DigestLine Line(long postId, string body) =>
        new(body.Length > 100 ? body[..100] + "…" : body, $"/posts/{postId.ToString(CultureInfo.InvariantCulture)}");
}
