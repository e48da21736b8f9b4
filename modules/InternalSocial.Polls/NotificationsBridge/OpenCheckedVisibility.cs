using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Notifications.Abstractions;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>
/// Which polls, quizzes or surveys a person may still open: the service's own read, as that person, so a notification
/// about one they can no longer open (a group left, an audience changed) is never shown.
/// </summary>
internal abstract class OpenCheckedVisibility : INotificationVisibility
{
    public abstract string ResourceType { get; }

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

    public async Task<bool> CanOpenAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        try
        {
            await OpenAsync(user, id, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return false;
        }
    }

    /// <summary>Reads the item as <paramref name="user"/>: throws <see cref="NotFoundException"/> or <see cref="PermissionDeniedException"/> when they may not.</summary>
    protected abstract Task OpenAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken);
}
