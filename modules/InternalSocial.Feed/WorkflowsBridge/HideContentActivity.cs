using System.Globalization;
using InternalSocial.Feed.Services;
using InternalSocial.Workflows.Abstractions.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary><c>feed.hideContent</c>: hides the reported post or comment (<c>content.type</c>, <c>content.id</c>); moderators can restore it.</summary>
internal sealed class HideContentActivity : TaskActivity
{
    public override string Type => "feed.hideContent";

    public override string DisplayName => "Hide the content";

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Text("content.type");
        if (type is not ("post" or "comment") || !long.TryParse(context.Text("content.id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new InvalidOperationException("The workflow has no post or comment to hide (facts content.type and content.id).");
        }

        var hidden = await context.Services.GetRequiredService<IPostModeration>().HideAsync(type, id, cancellationToken);
        return ActivityResult.Outcome(ActivityOutcomes.Done, hidden ? $"{type} {id} hidden" : $"{type} {id} was already gone");
    }
}
