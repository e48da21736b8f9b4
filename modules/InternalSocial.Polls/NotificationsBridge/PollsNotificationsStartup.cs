using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Quizzes;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.NotificationsBridge;

[ForFeature("InternalSocial.Polls.Notifications")]
internal sealed class PollsNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, PollNotificationKinds>();
        services.AddScoped<PollNotificationVisibility>();
        services.AddScoped<INotificationVisibility>(provider => provider.GetRequiredService<PollNotificationVisibility>());
        services.AddScoped<IEventHandler<PollClosed>, ResultsPublishedNotifier>();
        services.AddScoped<PollReaders>();
        services.AddScoped<IEventHandler<PollCreated>, NewGroupPollNotifier>();
        services.AddScoped<INotificationKindProvider, QuizNotificationKinds>();
        services.AddScoped<INotificationVisibility, QuizNotificationVisibility>();
        services.AddScoped<QuizNotifier>();
        services.AddScoped<IEventHandler<QuizCreated>>(provider => provider.GetRequiredService<QuizNotifier>());
        services.AddScoped<IEventHandler<PollClosed>>(provider => provider.GetRequiredService<QuizNotifier>());
    }
}
