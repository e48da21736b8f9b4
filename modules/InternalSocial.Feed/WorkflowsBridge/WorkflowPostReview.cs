using InternalSocial.Feed.Services;
using InternalSocial.Users.Abstractions;
using InternalSocial.Workflows.Abstractions;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>Holds a post before it is saved when an enabled workflow starting on <c>feed.postSubmitted</c> with <c>holdPost</c> matches it.</summary>
internal sealed class WorkflowPostReview(IWorkflowEngine engine, IPeopleLookup people, ReviewedSubmissions reviewed) : IPostSubmissionReview
{
    public async Task<bool> MustHoldAsync(PostSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var isGuest = reviewed.IsGuest(submission.AuthorId)
            ?? (await people.GetByIdsAsync([submission.AuthorId], cancellationToken)).GetValueOrDefault(submission.AuthorId)?.IsGuest ?? false;
        var starts = await engine.MatchingStartsAsync(PostFacts.EventName, PostFacts.Build(null, submission, isPending: false, isGuest), cancellationToken);
        reviewed.Add(submission, isGuest, starts);
        return starts.Any(start => start.Activity.Properties["holdPost"]?.GetValue<bool>() == true);
    }
}
