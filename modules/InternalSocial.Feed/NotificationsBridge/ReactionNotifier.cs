using System.Globalization;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Settings;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// The reaction digest: reactions on my post (or my comment) are not notified one by one but gathered into one
/// notification per post (or comment) per day, local to me: "Alice and 4 others reacted to your post".
/// <para>
/// Written at each reaction as an upsert (<see cref="NotificationRequest.UpdateExisting"/> on a key holding the day)
/// rather than by a daily task: the notification is there at once, its count follows the day's reactions, and a day
/// gives one row, updated and shown unread again; a person who chose the e-mail digest gets it there with the count
/// of the moment. Only when the person may still open the post (the feed's own visibility, as that person); the list
/// and the digest hide it too if they lose access later.
/// </para>
/// </summary>
internal sealed class ReactionNotifier(
    FeedDbContext db,
    INotifier notifier,
    IPeopleContacts contacts,
    IPeopleLookup people,
    PostNotificationVisibility visibility,
    SiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T) : IEventHandler<ReactionAdded>
{
    public async Task HandleAsync(ReactionAdded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var recipientId = domainEvent.CommentId is { } commentId
            ? await db.Comments.AsNoTracking().Where(c => c.Id == commentId && c.DeletedUtc == null).Select(c => c.AuthorId).FirstOrDefaultAsync(cancellationToken)
            : await db.Posts.AsNoTracking().Where(p => p.Id == domainEvent.PostId).Select(p => p.AuthorId).FirstOrDefaultAsync(cancellationToken);
        if (recipientId is not { Length: > 0 } || recipientId == domainEvent.UserId
            || await contacts.CreatePrincipalAsync(recipientId, cancellationToken) is not { } recipient)
        {
            // No author any more (erased), one's own reaction, or an account that cannot sign in.
            return;
        }

        var postKey = domainEvent.PostId.ToString(CultureInfo.InvariantCulture);
        if (!(await visibility.GetVisibleAsync(recipient, [postKey], cancellationToken)).Contains(postKey))
        {
            return;
        }

        // The recipient's day: their time zone, else the organisation's.
        var contact = (await contacts.GetContactsAsync([recipientId], cancellationToken)).GetValueOrDefault(recipientId);
        var zoneId = contact?.TimeZoneId is { Length: > 0 } own ? own : (await siteSettings.GetAsync(cancellationToken)).TimeZoneId;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;
        var dayStartUtc = TimeZoneInfo.ConvertTimeToUtc(today, zone);

        var reactors = domainEvent.CommentId is { } comment
            ? await db.CommentReactions.AsNoTracking().CountAsync(r => r.CommentId == comment && r.UserId != recipientId && r.CreatedUtc >= dayStartUtc, cancellationToken)
            : await db.PostReactions.AsNoTracking().CountAsync(r => r.PostId == domainEvent.PostId && r.UserId != recipientId && r.CreatedUtc >= dayStartUtc, cancellationToken);
        if (reactors == 0)
        {
            // A change of reaction made on an earlier day: that day's notification already told it.
            return;
        }

        var name = (await people.GetByIdsAsync([domainEvent.UserId], cancellationToken)).GetValueOrDefault(domainEvent.UserId)?.DisplayName ?? "";
        var onComment = domainEvent.CommentId is not null;
        var target = onComment ? $"comment:{domainEvent.CommentId}" : $"post:{postKey}";
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = FeedNotificationKinds.Reactions,
            RecipientIds = [recipientId],
            ActorId = domainEvent.UserId,
            Url = onComment ? $"/posts/{postKey}#comment-{domainEvent.CommentId}" : $"/posts/{postKey}",
            ResourceType = FeedNotificationKinds.ResourceType,
            ResourceId = postKey,
            DeduplicationKey = $"{FeedNotificationKinds.Reactions}:{target}:{today:yyyy-MM-dd}",
            UpdateExisting = true,
            Text = _ => new NotificationText(Title(name, reactors - 1, onComment), ""),
        }, cancellationToken);
    }

    private string Title(string name, int others, bool onComment) => (others, onComment) switch
    {
        (0, false) => T["{0} reacted to your post", name],
        (1, false) => T["{0} and one other reacted to your post", name],
        (_, false) => T["{0} and {1} others reacted to your post", name, others],
        (0, true) => T["{0} reacted to your comment", name],
        (1, true) => T["{0} and one other reacted to your comment", name],
        _ => T["{0} and {1} others reacted to your comment", name, others],
    };
}
