using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.NotificationsBridge;

/// <summary>The Groups module's kinds of notification.</summary>
internal sealed class GroupNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    public const string Invitation = "groups.invitation";

    /// <summary>Resource ids are group ids: an invitation notification stays listed while the invitation waits or once accepted.</summary>
    public const string InvitationResource = "group-invitation";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Invitation, T["Someone invites me to a group"], NotificationChannel.InApp),
    ];
}
