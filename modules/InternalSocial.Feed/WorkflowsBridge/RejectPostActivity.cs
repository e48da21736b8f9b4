using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.WorkflowsBridge;

internal sealed class RejectPostActivity : PostDecisionActivity
{
    public override string Type => "feed.rejectPost";

    public override string DisplayName => "Reject the post";

    protected override Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken) => moderation.RejectAsync(postId, cancellationToken);
}
