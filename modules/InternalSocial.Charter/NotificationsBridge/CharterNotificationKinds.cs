using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.NotificationsBridge;

/// <summary>The charter's one kind of notification; mandatory, since a person who misses it is stopped at the next page anyway.</summary>
internal sealed class CharterNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string NewVersion = "charter.new-version";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(NewVersion, T["A new version of the charter awaits my acceptance"], NotificationChannel.InApp, IsMandatory: true),
    ];
}
