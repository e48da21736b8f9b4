using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys.NotificationsBridge;

/// <summary>The surveys' kinds of notification; as for polls, no "someone answered" kind.</summary>
internal sealed class SurveyNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string New = "surveys.new";
    public const string Reminder = "surveys.reminder";
    public const string Results = "surveys.results";
    public const string ResourceType = "survey";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(New, T["A new survey for me"], NotificationChannel.InApp),
        new(Reminder, T["A reminder of a survey I have not answered"], NotificationChannel.InApp),
        new(Results, T["The results of a survey I answered are published"], NotificationChannel.InApp),
    ];
}
