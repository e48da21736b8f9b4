using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>The quizzes' kinds of notification. As for polls, nobody is told that someone made an attempt.</summary>
internal sealed class QuizNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string NewInGroup = "quizzes.new";
    public const string Results = "quizzes.results";
    public const string ResourceType = "quiz";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(NewInGroup, T["A new quiz in one of my groups"], NotificationChannel.InApp),
        new(Results, T["A quiz I took is closed"], NotificationChannel.InApp),
    ];
}
