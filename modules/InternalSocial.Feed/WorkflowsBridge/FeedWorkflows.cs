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

/// <summary>The facts a post brings to workflows; the same before it is saved (review) and after (trigger).</summary>
public static class PostFacts
{
    public const string EventName = "feed.postSubmitted";

    public static readonly IReadOnlyList<string> Names =
    [
        "post.id", "post.groupId", "post.authorId", "post.text", "post.tags", "post.isAnnouncement", "post.isPending", "post.groupRequiresApproval",
        "author.isGuest", "subject.type", "subject.id", "subject.groupId", "subject.authorId", "subject.summary",
    ];

    public static Dictionary<string, JsonNode?> Build(long? postId, PostSubmission post, bool isPending, bool authorIsGuest)
    {
        ArgumentNullException.ThrowIfNull(post);
        var summary = post.Body.Length > 300 ? post.Body[..300] + "…" : post.Body;
        var id = postId?.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, JsonNode?>
        {
            ["post.id"] = id,
            ["post.groupId"] = post.GroupId,
            ["post.authorId"] = post.AuthorId,
            ["post.text"] = post.Body,
            ["post.tags"] = new JsonArray([.. post.Tags.Select(t => (JsonNode?)t)]),
            ["post.isAnnouncement"] = post.IsAnnouncement,
            ["post.isPending"] = isPending,
            ["post.groupRequiresApproval"] = post.GroupRequiresApproval,
            ["author.isGuest"] = authorIsGuest,
            ["subject.type"] = "post",
            ["subject.id"] = id,
            ["subject.groupId"] = post.GroupId,
            ["subject.authorId"] = post.AuthorId,
            ["subject.summary"] = summary,
        };
    }
}

/// <summary>
/// <c>feed.postSubmitted</c>: a post was written (or resubmitted after changes). With <c>"holdPost": true</c> the post is
/// saved as pending when the workflow's condition holds, and waits for the workflow to publish, reject or send it back.
/// </summary>
public sealed class PostSubmittedEvent : EventActivity
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

/// <summary>Base of the activities that decide a held post; they fail (and fault the instance) if it is no longer pending.</summary>
public abstract class PostDecisionActivity : TaskActivity
{
    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!long.TryParse(context.Text("post.id"), NumberStyles.None, CultureInfo.InvariantCulture, out var postId))
        {
            throw new InvalidOperationException("The workflow has no post (fact post.id).");
        }

        await DecideAsync(context.Services.GetRequiredService<IPostModeration>(), postId, cancellationToken);
        return ActivityResult.Outcome(Workflows.Services.ActivityOutcomes.Done, $"post {postId}");
    }

    protected abstract Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken);
}

public sealed class PublishPostActivity : PostDecisionActivity
{
    public override string Type => "feed.publishPost";

    public override string DisplayName => "Publish the post";

    protected override Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken) => moderation.PublishAsync(postId, cancellationToken);
}

public sealed class RejectPostActivity : PostDecisionActivity
{
    public override string Type => "feed.rejectPost";

    public override string DisplayName => "Reject the post";

    protected override Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken) => moderation.RejectAsync(postId, cancellationToken);
}

public sealed class RequestChangesActivity : PostDecisionActivity
{
    public override string Type => "feed.requestChanges";

    public override string DisplayName => "Send the post back for changes";

    protected override Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken) => moderation.RequestChangesAsync(postId, cancellationToken);
}

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

/// <summary>Turns the feed's <see cref="PostSubmitted"/> into the workflow event, with the post's facts.</summary>
public sealed class PostSubmittedTrigger(FeedDbContext db, IWorkflowEngine engine, IPeopleLookup people) : IEventHandler<PostSubmitted>
{
    public async Task HandleAsync(PostSubmitted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == domainEvent.PostId, cancellationToken);
        if (post is null)
        {
            return;
        }

        // A held edit of a published post is what the moderator decides on: its text, its tags, its editor.
        var edit = post.Status == PostStatus.Published ? await db.PendingEdits.AsNoTracking().FirstOrDefaultAsync(e => e.PostId == post.Id, cancellationToken) : null;
        var tags = edit is not null
            ? edit.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Union(ContentRenderer.ParseTags(edit.Body)).ToList()
            : await db.PostTags.AsNoTracking().Where(t => t.PostId == post.Id).Select(t => t.Tag).ToListAsync(cancellationToken);
        var authorId = edit?.EditedBy is { Length: > 0 } editor ? editor : post.AuthorId;
        var isGuest = (await people.GetByIdsAsync([authorId], cancellationToken)).GetValueOrDefault(authorId)?.IsGuest ?? false;
        var submission = new PostSubmission(post.AuthorId, post.GroupId, domainEvent.GroupRequiresApproval, edit?.Body ?? post.Body, tags, post.IsAnnouncement);
        var facts = PostFacts.Build(post.Id, submission, post.Status == PostStatus.Pending || edit is not null, isGuest);
        await engine.TriggerAsync(PostFacts.EventName, $"post:{post.Id}", facts, cancellationToken);
    }
}

[ForFeature("InternalSocial.Feed.Workflows")]
public sealed class FeedWorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IActivity, PostSubmittedEvent>();
        services.AddScoped<IActivity, PublishPostActivity>();
        services.AddScoped<IActivity, RejectPostActivity>();
        services.AddScoped<IActivity, RequestChangesActivity>();
        services.AddScoped<IActivity, HideContentActivity>();
        services.AddScoped<IReportableContent, ReportablePost>();
        services.AddScoped<IReportableContent, ReportableComment>();
        services.AddScoped<IPostSubmissionReview, WorkflowPostReview>();
        services.AddScoped<IEventHandler<PostSubmitted>, PostSubmittedTrigger>();
        services.AddScoped<IEventHandler<HeldPostEdited>, HeldPostEditedHandler>();
    }
}
