using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>Other modules' way to the acknowledge button: the same <see cref="AnnouncementService.AcknowledgeAsync"/>.</summary>
internal sealed class AnnouncementAcknowledgements(AnnouncementService announcements, FeedReaderResolver readers, PostVisibility visibility) : IAnnouncementAcknowledgements
{
    public async Task<bool> AsksAcknowledgementAsync(ClaimsPrincipal reader, long postId, CancellationToken cancellationToken)
    {
        var feedReader = await readers.GetAsync(reader, cancellationToken);
        return await visibility.Visible(feedReader).AnyAsync(p => p.Id == postId && p.IsAnnouncement && p.RequiresAcknowledgement, cancellationToken);
    }

    public async Task<bool> AcknowledgeAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        // Checked first so that a post which stopped asking, or became hidden, is skipped rather than an error for the caller.
        if (!await AsksAcknowledgementAsync(user, postId, cancellationToken))
        {
            return false;
        }

        await announcements.AcknowledgeAsync(user, postId, cancellationToken);
        return true;
    }
}
