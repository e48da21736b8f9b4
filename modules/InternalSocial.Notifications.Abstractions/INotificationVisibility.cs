using System.Security.Claims;

namespace InternalSocial.Notifications.Abstractions;

/// <summary>
/// Contributed by the module owning a kind of resource: which of these resources the person may still see. The list
/// of notifications hides the others (someone who left a private group no longer sees what was about it).
/// </summary>
public interface INotificationVisibility
{
    string ResourceType { get; }

    Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken);
}
