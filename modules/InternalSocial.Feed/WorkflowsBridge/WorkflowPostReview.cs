using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Users.Services;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>Holds a post before it is saved when an enabled workflow starting on <c>feed.postSubmitted</c> with <c>holdPost</c> matches it.</summary>
public sealed class WorkflowPostReview(IWorkflowEngine engine, IPeopleLookup people) : IPostSubmissionReview
{
    public async Task<bool> MustHoldAsync(PostSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var isGuest = (await people.GetByIdsAsync([submission.AuthorId], cancellationToken)).GetValueOrDefault(submission.AuthorId)?.IsGuest ?? false;
        var starts = await engine.MatchingStartsAsync(PostFacts.EventName, PostFacts.Build(null, submission, isPending: false, isGuest), cancellationToken);
        return starts.Any(start => start.Properties["holdPost"]?.GetValue<bool>() == true);
    }
}
