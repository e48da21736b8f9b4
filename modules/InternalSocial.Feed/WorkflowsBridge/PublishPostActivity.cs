using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.WorkflowsBridge;

internal sealed class PublishPostActivity : PostDecisionActivity
{
    public override string Type => "feed.publishPost";

    public override string DisplayName => "Publish the post";

    protected override Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken) => moderation.PublishAsync(postId, cancellationToken);
}
