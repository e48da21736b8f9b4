using System.Globalization;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>
/// Tells people they were mentioned or that their post has a new comment — only when they may open the post: a
/// mention in a private group's post does not reach someone outside the group, nor someone who left it.
/// </summary>
internal sealed class FeedNotificationHandlers(
    FeedDbContext db,
    INotifier notifier,
    IPeopleContacts contacts,
    IPeopleLookup people,
    PostNotificationVisibility visibility,
    IStringLocalizer<ModuleResources> T) : IEventHandler<PersonMentioned>, IEventHandler<CommentAdded>
{
    public async Task HandleAsync(PersonMentioned domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await NotifyIfVisibleAsync(FeedNotificationKinds.Mention, domainEvent.UserId, domainEvent.ByUserId, domainEvent.PostId, domainEvent.CommentId,
            name => domainEvent.CommentId is null ? T["{0} mentioned you in a post", name] : T["{0} mentioned you in a comment", name], cancellationToken);
    }

    public async Task HandleAsync(CommentAdded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.PostAuthorId.Length == 0)
        {
            // The author's personal data was erased.
            return;
        }

        await NotifyIfVisibleAsync(FeedNotificationKinds.Comment, domainEvent.PostAuthorId, domainEvent.AuthorId, domainEvent.PostId, domainEvent.CommentId,
            name => T["{0} commented on your post", name], cancellationToken);
    }

    private async Task NotifyIfVisibleAsync(string kind, string recipientId, string actorId, long postId, long? commentId, Func<string, LocalizedString> title, CancellationToken cancellationToken)
    {
        if (recipientId == actorId || await contacts.CreatePrincipalAsync(recipientId, cancellationToken) is not { } recipient)
        {
            return;
        }

        var postKey = postId.ToString(CultureInfo.InvariantCulture);
        if (!(await visibility.GetVisibleAsync(recipient, [postKey], cancellationToken)).Contains(postKey))
        {
            return;
        }

        // A mention in a post sent to several groups at once is told once, whichever copy comes first.
        var batch = commentId is null ? await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => p.BatchId).FirstOrDefaultAsync(cancellationToken) : null;
        var about = FeedNotificationKinds.About(postId, batch);

        var actorName = (await people.GetByIdsAsync([actorId], cancellationToken)).GetValueOrDefault(actorId)?.DisplayName ?? "";
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = kind,
            RecipientIds = [recipientId],
            ActorId = actorId,
            Url = commentId is { } comment ? $"/posts/{postKey}#comment-{comment}" : $"/posts/{postKey}",
            ResourceType = FeedNotificationKinds.ResourceType,
            ResourceId = postKey,
            DeduplicationKey = $"{kind}:{about}:{commentId}",
            Text = _ => new NotificationText(title(actorName), ""),
        }, cancellationToken);
    }
}
