using InternalSocial.Workflows.Abstractions.Activities;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>
/// <c>feed.postSubmitted</c>: a post was written (or resubmitted after changes). With <c>"holdPost": true</c> the post is
/// saved as pending when the workflow's condition holds, and waits for the workflow to publish, reject or send it back.
/// </summary>
internal sealed class PostSubmittedEvent : EventActivity
{
    public override string Type => PostFacts.EventName;

    public override string DisplayName => "A post is submitted";

    public override IReadOnlyList<string> Facts => PostFacts.Names;

    public override async Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        await base.ValidateAsync(validation, cancellationToken);
        if (validation.Properties["holdPost"] is { } hold && hold.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            validation.Error("holdPost", "must be true or false.");
        }

        foreach (var unknown in validation.Properties.Select(p => p.Key).Where(k => k is not ("condition" or "holdPost")))
        {
            validation.Error(unknown, "unknown property; allowed: condition, holdPost.");
        }
    }
}
