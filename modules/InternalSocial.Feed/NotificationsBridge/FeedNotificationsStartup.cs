using InternalSocial.Feed.Events;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.NotificationsBridge;

[ForFeature("InternalSocial.Feed.Notifications")]
internal sealed class FeedNotificationsStartup : ModuleStartup
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
