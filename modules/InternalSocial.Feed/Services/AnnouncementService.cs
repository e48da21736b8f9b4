using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>Acknowledging announcements, their read and acknowledgement rates, pinning, and reminders.</summary>
internal sealed class AnnouncementService(
    FeedDbContext db,
    IAuthorizationService authorization,
    FeedReaderResolver readers,
    PostVisibility visibility,
    IEventBus events,
    IFeedChangeNotifier changes,
    PendingViews pendingViews,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public async Task AcknowledgeAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Visible(reader).Select(p => new { p.Id, p.RequiresAcknowledgement }).FirstOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException(T["No post with id {0}.", postId]);
        if (!post.RequiresAcknowledgement)
        {
            throw new InvalidInputException("postId", T["This post does not ask for an acknowledgement."]);
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Feed_Acknowledgements\" (\"PostId\", \"UserId\", \"AcknowledgedUtc\") VALUES ({postId}, {reader.UserId}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT DO NOTHING",
            cancellationToken);
    }

    public async Task<AnnouncementStats> StatsAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        await EnsureAnnouncementAsync(user, postId, cancellationToken);
        await pendingViews.FlushAsync(db, cancellationToken);
        // The author's own reading is not reach: they are neither a viewer nor someone who acknowledged.
        var authorId = await AuthorOfAsync(postId, cancellationToken);
        var viewers = await db.Views.CountAsync(v => v.PostId == postId && v.UserId != authorId, cancellationToken);
        var acknowledged = await db.Acknowledgements.CountAsync(a => a.PostId == postId && a.UserId != authorId, cancellationToken);
        var rate = viewers == 0 ? 0 : Math.Round((double)acknowledged / Math.Max(viewers, acknowledged), 3);
        return new AnnouncementStats(postId, viewers, acknowledged, rate);
    }

    /// <summary>Raises a reminder event for those who have not acknowledged; notifications deliver it when enabled.</summary>
    public async Task RemindAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        await EnsureAnnouncementAsync(user, postId, cancellationToken);
        var acknowledged = await db.Acknowledgements.Where(a => a.PostId == postId).Select(a => a.UserId).ToListAsync(cancellationToken);
        // Nobody is reminded to acknowledge their own announcement.
        acknowledged.Add(await AuthorOfAsync(postId, cancellationToken));
        await events.PublishAsync(new AcknowledgementReminderRequested(postId, user.GetUserId(), acknowledged), cancellationToken);
    }

    /// <summary>Pins a post on top of everyone's feed until a time, or unpins it (null).</summary>
    public async Task PinAsync(ClaimsPrincipal user, long postId, DateTime? until, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.Pin);
        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Visible(reader).FirstOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException(T["No post with id {0}.", postId]);
        if (until is { } end && end.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime)
        {
            throw new InvalidInputException("until", T["Pin until a time in the future."]);
        }

        post.PinnedUntilUtc = until?.ToUniversalTime();
        await db.SaveChangesAsync(cancellationToken);
        await changes.FeedChangedAsync(cancellationToken);
    }

    private Task<string> AuthorOfAsync(long postId, CancellationToken cancellationToken) =>
        db.Posts.Where(p => p.Id == postId).Select(p => p.AuthorId).FirstAsync(cancellationToken);

    private async Task EnsureAnnouncementAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.PostAnnouncements);
        var reader = await readers.GetAsync(user, cancellationToken);
        if (!await visibility.Openable(reader).AnyAsync(p => p.Id == postId && p.IsAnnouncement, cancellationToken))
        {
            throw new NotFoundException(T["No announcement with id {0}.", postId]);
        }
    }
}
