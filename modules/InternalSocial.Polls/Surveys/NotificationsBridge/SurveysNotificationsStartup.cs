using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Events;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Surveys.NotificationsBridge;

[ForFeature("InternalSocial.Polls.Notifications")]
internal sealed class SurveysNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, SurveyNotificationKinds>();
        services.AddScoped<INotificationVisibility, SurveyNotificationVisibility>();
        services.AddScoped<SurveyNotifier>();
        services.AddScoped<IEventHandler<SurveyOpened>>(provider => provider.GetRequiredService<SurveyNotifier>());
        services.AddScoped<IEventHandler<SurveyReminderDue>>(provider => provider.GetRequiredService<SurveyNotifier>());
        services.AddScoped<IEventHandler<PollClosed>>(provider => provider.GetRequiredService<SurveyNotifier>());
    }
}
