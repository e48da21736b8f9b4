using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>Which polls a person may still open: the page's own check, as that person (a poll in a group they left is gone).</summary>
internal sealed class PollNotificationVisibility(PollService polls) : INotificationVisibility
{
    public string ResourceType => PollNotificationKinds.ResourceType;

    public async Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var visible = new HashSet<string>();
        foreach (var resourceId in resourceIds)
        {
            if (long.TryParse(resourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await CanOpenAsync(user, id, cancellationToken))
            {
                visible.Add(resourceId);
            }
        }

        return visible;
    }

    public async Task<bool> CanOpenAsync(ClaimsPrincipal user, long pollId, CancellationToken cancellationToken)
    {
        try
        {
            await polls.GetAsync(user, pollId, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return false;
        }
    }
}
