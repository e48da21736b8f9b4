using System.Security.Claims;
using InternalSocial.Polls.NotificationsBridge;

namespace InternalSocial.Polls.Surveys.NotificationsBridge;

/// <summary>Which surveys a person may still open: the service's own check, as that person (one who left the audience loses it).</summary>
internal sealed class SurveyNotificationVisibility(SurveyService surveys) : OpenCheckedVisibility
{
    public override string ResourceType => SurveyNotificationKinds.ResourceType;

    protected override Task OpenAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken) => surveys.GetAsync(user, id, cancellationToken);
}
