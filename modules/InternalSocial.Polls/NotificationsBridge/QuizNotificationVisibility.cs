using System.Security.Claims;
using InternalSocial.Polls.Quizzes;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>Which quizzes a person may still open: the page's own check, as that person (a quiz in a group they left is gone).</summary>
internal sealed class QuizNotificationVisibility(QuizService quizzes) : OpenCheckedVisibility
{
    public override string ResourceType => QuizNotificationKinds.ResourceType;

    protected override Task OpenAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken) => quizzes.GetAsync(user, id, cancellationToken);
}
