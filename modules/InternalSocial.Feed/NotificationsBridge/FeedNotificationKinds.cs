using System.Globalization;
using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>The feed's kinds of notification.</summary>
internal sealed class FeedNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string Mention = "feed.mention";
    public const string Comment = "feed.comment";
    public const string Announcement = "feed.announcement";
    public const string Acknowledgement = "feed.acknowledgement";
    public const string Reactions = "feed.reactions";
    public const string ResourceType = "post";

    /// <summary>
    /// What a notification about a post is about: the post, or the batch it belongs to when one post went to several
    /// groups at once (one post per group), so that a member of two of those groups is told once.
    /// </summary>
    public static string About(long postId, string? batchId) =>
        batchId is { Length: > 0 } ? $"batch:{batchId}" : postId.ToString(CultureInfo.InvariantCulture);

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Mention, T["Someone mentions me"], NotificationChannel.EmailImmediately),
        new(Comment, T["Someone comments on my post"], NotificationChannel.InApp),
        new(Announcement, T["An announcement is published for me"], NotificationChannel.InApp),
        new(Acknowledgement, T["An announcement asks me to acknowledge it"], NotificationChannel.EmailImmediately, IsMandatory: true),
        new(Reactions, T["People react to my post or comment (one notification per post a day)"], NotificationChannel.InApp),
    ];
}
