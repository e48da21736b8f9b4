using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.WorkflowsBridge;

internal sealed class RequestChangesActivity : PostDecisionActivity
{
    public override string Type => "feed.requestChanges";

    public override string DisplayName => "Send the post back for changes";

    protected override Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken) => moderation.RequestChangesAsync(postId, cancellationToken);
}
