using System.Globalization;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// Tells an announcement's audience about it when it is published: the group's members for a group announcement, the
/// targeted departments and sites, or every employee (never guests, who do not read company-wide posts). An announcement
/// to acknowledge is a mandatory kind; a reminder goes to those who have not acknowledged yet.
/// </summary>
internal sealed class AnnouncementNotifier(
    FeedDbContext db,
    INotifier notifier,
    IPeopleLookup people,
    IPostContainerAccess groups,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T) : IEventHandler<PostPublished>, IEventHandler<AcknowledgementReminderRequested>
{
    public async Task HandleAsync(PostPublished domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!domainEvent.IsAnnouncement)
        {
            return;
        }

        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == domainEvent.PostId && p.IsAnnouncement && p.Status == PostStatus.Published, cancellationToken);

        // A scheduled announcement is raised when it is saved; telling people before they can read it would be wrong.
        if (post is null || post.PublishedUtc > clock.GetUtcNow().UtcDateTime.AddMinutes(1))
        {
            return;
        }

        await NotifyAsync(post, await AudienceAsync(post, cancellationToken), reminder: false, cancellationToken);
    }

    public async Task HandleAsync(AcknowledgementReminderRequested domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == domainEvent.PostId && p.RequiresAcknowledgement && p.Status == PostStatus.Published, cancellationToken);
        if (post is null)
        {
            return;
        }

        var acknowledged = domainEvent.AcknowledgedUserIds.ToHashSet(StringComparer.Ordinal);
        var pending = (await AudienceAsync(post, cancellationToken)).Where(id => !acknowledged.Contains(id)).ToList();
        await NotifyAsync(post, pending, reminder: true, cancellationToken);
    }

    private async Task<IReadOnlyCollection<string>> AudienceAsync(Post post, CancellationToken cancellationToken)
    {
        if (post.GroupId is { } groupId)
        {
            return await groups.GetMemberIdsAsync(groupId, cancellationToken);
        }

        var audiences = post.AudienceEveryone ? [] : await db.Audiences.AsNoTracking().Where(a => a.PostId == post.Id).ToListAsync(cancellationToken);
        return await people.GetActiveEmployeeIdsAsync(
            [.. audiences.Where(a => a.Kind == AudienceKinds.Department).Select(a => a.Value)],
            [.. audiences.Where(a => a.Kind == AudienceKinds.Site).Select(a => a.Value)],
            cancellationToken);
    }

    private async Task NotifyAsync(Post post, IReadOnlyCollection<string> recipients, bool reminder, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        var postKey = post.Id.ToString(CultureInfo.InvariantCulture);
        var excerpt = post.Body.Length > 140 ? post.Body[..140] + "…" : post.Body;
        var kind = post.RequiresAcknowledgement ? FeedNotificationKinds.Acknowledgement : FeedNotificationKinds.Announcement;
        var about = FeedNotificationKinds.About(post.Id, post.BatchId);
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = kind,
            RecipientIds = recipients,
            ActorId = post.AuthorId,
            Url = $"/posts/{postKey}",
            ResourceType = FeedNotificationKinds.ResourceType,
            ResourceId = postKey,
            DeduplicationKey = reminder ? $"{kind}:{about}:reminder:{clock.GetUtcNow():yyyyMMddHH}" : $"{kind}:{about}",
            Text = _ => new NotificationText(
                reminder ? T["Reminder: please acknowledge this announcement"] : post.RequiresAcknowledgement ? T["New announcement to acknowledge"] : T["New announcement"],
                excerpt),
        }, cancellationToken);
    }
}
