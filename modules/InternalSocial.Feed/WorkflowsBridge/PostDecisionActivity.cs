using System.Globalization;
using InternalSocial.Feed.Services;
using InternalSocial.Workflows.Abstractions.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>Base of the activities that decide a held post; they fail (and fault the instance) if it is no longer pending.</summary>
internal abstract class PostDecisionActivity : TaskActivity
{
    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!long.TryParse(context.Text("post.id"), NumberStyles.None, CultureInfo.InvariantCulture, out var postId))
        {
            throw new InvalidOperationException("The workflow has no post (fact post.id).");
        }

        await DecideAsync(context.Services.GetRequiredService<IPostModeration>(), postId, cancellationToken);
        return ActivityResult.Outcome(Workflows.Abstractions.Activities.ActivityOutcomes.Done, $"post {postId}");
    }

    protected abstract Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken);
}
