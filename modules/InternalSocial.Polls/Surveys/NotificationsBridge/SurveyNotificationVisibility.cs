using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Notifications.Abstractions;

namespace InternalSocial.Polls.Surveys.NotificationsBridge;

/// <summary>Which surveys a person may still open: the service's own check, as that person (one who left the audience loses it).</summary>
internal sealed class SurveyNotificationVisibility(SurveyService surveys) : INotificationVisibility
{
    public string ResourceType => SurveyNotificationKinds.ResourceType;

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

    public async Task<bool> CanOpenAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken)
    {
        try
        {
            await surveys.GetAsync(user, surveyId, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return false;
        }
    }
}
