using System.Security.Claims;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>Which polls a person may still open: the page's own check, as that person (a poll in a group they left is gone).</summary>
internal sealed class PollNotificationVisibility(PollService polls) : OpenCheckedVisibility
{
    public override string ResourceType => PollNotificationKinds.ResourceType;

    protected override Task OpenAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken) => polls.GetAsync(user, id, cancellationToken);
}
