using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Models;
using InternalSocial.Notifications.Services;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>The feed's kinds of notification.</summary>
public sealed class FeedNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string Mention = "feed.mention";
    public const string Comment = "feed.comment";
    public const string Announcement = "feed.announcement";
    public const string Acknowledgement = "feed.acknowledgement";
    public const string Reactions = "feed.reactions";
    public const string ResourceType = "post";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Mention, T["Someone mentions me"], NotificationChannel.EmailImmediately),
        new(Comment, T["Someone comments on my post"], NotificationChannel.InApp),
        new(Announcement, T["An announcement is published for me"], NotificationChannel.InApp),
        new(Acknowledgement, T["An announcement asks me to acknowledge it"], NotificationChannel.EmailImmediately, IsMandatory: true),
        new(Reactions, T["People react to my post or comment (one notification per post a day)"], NotificationChannel.InApp),
    ];
}

/// <summary>Which posts a person may still open: the feed's own visibility rules, as that person.</summary>
public sealed class PostNotificationVisibility(FeedReaderResolver readers, PostVisibility visibility) : INotificationVisibility
{
    public string ResourceType => FeedNotificationKinds.ResourceType;

    public async Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken)
    {
        var ids = resourceIds.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0).Where(id => id > 0).ToList();
        var reader = await readers.GetAsync(user, cancellationToken);
        var visible = await visibility.Openable(reader).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var hidden = ids.Except(visible).ToList();
        if (hidden.Count > 0)
        {
            // A post sent to several groups at once is told about once, by its first copy: another copy still shows it.
            visible.AddRange((await visibility.OpenableCopiesAsync(reader, hidden, cancellationToken)).Keys);
        }

        return visible.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
    }
}

/// <summary>
/// Tells people they were mentioned or that their post has a new comment — only when they may open the post: a
/// mention in a private group's post does not reach someone outside the group, nor someone who left it.
/// </summary>
public sealed class FeedNotificationHandlers(
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

        // A post sent to several groups at once is one post per group: a mention in it is told once, whichever copy comes first.
        var about = postKey;
        if (commentId is null && await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => p.BatchId).FirstOrDefaultAsync(cancellationToken) is { Length: > 0 } batch)
        {
            about = $"batch:{batch}";
        }

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

[ForFeature("InternalSocial.Feed.Notifications")]
public sealed class FeedNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, FeedNotificationKinds>();
        services.AddScoped<PostNotificationVisibility>();
        services.AddScoped<INotificationVisibility>(provider => provider.GetRequiredService<PostNotificationVisibility>());
        services.AddScoped<IEventHandler<PersonMentioned>, FeedNotificationHandlers>();
        services.AddScoped<IEventHandler<CommentAdded>, FeedNotificationHandlers>();
        services.AddScoped<IEventHandler<PostPublished>, AnnouncementNotifier>();
        services.AddScoped<IEventHandler<AcknowledgementReminderRequested>, AnnouncementNotifier>();
        services.AddScoped<IEventHandler<ReactionAdded>, ReactionNotifier>();
        services.AddScoped<IDigestSectionProvider, PendingAcknowledgementsDigest>();
        services.AddScoped<IDigestSectionProvider, TopPostsDigest>();
    }
}
