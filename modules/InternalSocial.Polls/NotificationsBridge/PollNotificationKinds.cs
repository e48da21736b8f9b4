using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>
/// The polls' kinds of notification. There is deliberately no "someone voted" kind, named or anonymous: a vote is never
/// announced to anyone.
/// </summary>
internal sealed class PollNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string Results = "polls.results";
    public const string NewInGroup = "polls.new";
    public const string ResourceType = "poll";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Results, T["The results of a poll I answered are published"], NotificationChannel.InApp),
        new(NewInGroup, T["A new poll in one of my groups"], NotificationChannel.InApp),
    ];
}
