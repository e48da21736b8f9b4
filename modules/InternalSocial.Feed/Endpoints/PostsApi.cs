using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Feed.Endpoints;

/// <summary>
/// <c>/api/v1/posts</c>. Uploads go first to <c>POST /api/v1/attachments</c> (<see cref="AttachmentsApi"/>), whose ids are
/// then passed in a post's <c>attachments</c>.
/// </summary>
internal static class PostsApi
{
    public static void Map(RouteGroupBuilder posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        posts.MapPost("", CreatePost).RequireRateLimiting(Startup.PostingRateLimitPolicy)
            .WithSummary("Writes a post: one post per group of its audience (ids); each is published, scheduled or held for approval (status).");
        posts.MapGet("/{id:long}", GetPost).WithSummary("The post card: text, author, tags, reactions, every comment, attachments, the relayed original.");
        posts.MapPatch("/{id:long}", EditPost)
            .WithSummary("Edit a post. 202 when the edit waits for a moderator (the same review as a new post): the answer, and readers, keep the published version until it is approved.");
        posts.MapDelete("/{id:long}", DeletePost).WithSummary("Deletes a post (soft: moderators can restore it).");
        posts.MapPost("/{id:long}/restore", RestorePost).WithSummary("Restores a deleted post (Feed.Moderate).");
        posts.MapGet("/{id:long}/history", GetPostHistory).WithSummary("The earlier versions of a post, newest first (Feed.Moderate).");
        posts.MapPost("/{id:long}/relay", RelayPost).RequireRateLimiting(Startup.PostingRateLimitPolicy)
            .WithSummary("Relays a post addressed to everyone, with a comment, to the whole organisation or into a group (its posting rules apply).");
        posts.MapPost("/{id:long}/comments", AddComment).RequireRateLimiting(Startup.PostingRateLimitPolicy).WithSummary("Comments on a post, or answers a comment (parentId).");
        posts.MapGet("/{id:long}/reactions", GetPostReactors).WithSummary("Who reacted to a post, and how.");
        posts.MapPost("/{id:long}/reactions", ReactToPost).WithSummary("Reacts to a post.");
        posts.MapDelete("/{id:long}/reactions", RemovePostReaction).WithSummary("Removes the reader's reaction to a post.");
        posts.MapPost("/{id:long}/acknowledge", AcknowledgeAnnouncement).WithSummary("Acknowledges an announcement.");
        posts.MapGet("/{id:long}/acknowledgements", GetAcknowledgements).WithSummary("An announcement's reach and acknowledgement rate, without its author's own reading (Feed.PostAnnouncements).");
        posts.MapPost("/{id:long}/remind", RemindAnnouncement).WithSummary("Reminds everyone but the author who has not acknowledged an announcement yet (Feed.PostAnnouncements).");
        posts.MapPost("/{id:long}/pin", PinPost).WithSummary("Pins a post on top of the feed until a date; null unpins it (Feed.Pin).");
    }

    public static async Task<Created<PostCreatedResponse>> CreatePost(PostInput? input, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{body, tags, audience, publishAt, attachments}"), cancellationToken);
        return TypedResults.Created($"/api/v1/posts/{created.Id}", new PostCreatedResponse(created.Id, created.Status.ToString(), created.Ids));
    }

    public static async Task<Ok<PostCard>> GetPost(long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(user, id, cancellationToken));

    public static async Task<Results<Ok<PostCard>, Accepted<PostCard>>> EditPost(long id, PostEditInput? input, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken)
    {
        var edit = await service.EditAsync(user, id, input ?? new PostEditInput(null), cancellationToken);
        return edit.Held ? TypedResults.Accepted((string?)null, edit.Post) : TypedResults.Ok(edit.Post);
    }

    public static Task<NoContent> DeletePost(long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.DeleteAsync(user, id, cancellationToken));

    public static Task<NoContent> RestorePost(long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.RestoreAsync(user, id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<RevisionView>>> GetPostHistory(long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.HistoryAsync(user, id, cancellationToken));

    public static async Task<Created<PostCreatedResponse>> RelayPost(long id, RelayInput? input, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken)
    {
        var created = await service.RelayAsync(user, id, input?.Comment, input?.GroupId, cancellationToken);
        return TypedResults.Created($"/api/v1/posts/{created.Id}", new PostCreatedResponse(created.Id, created.Status.ToString(), created.Ids));
    }

    public static async Task<Created<CreatedId>> AddComment(long id, CommentInput? input, ClaimsPrincipal user, CommentService service, CancellationToken cancellationToken)
    {
        var commentId = await service.AddAsync(user, id, input ?? new CommentInput(null), cancellationToken);
        return TypedResults.Created($"/api/v1/comments/{commentId}", new CreatedId(commentId));
    }

    public static async Task<Ok<IReadOnlyList<Reactor>>> GetPostReactors(long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ReactorsAsync(user, id, cancellationToken));

    public static Task<NoContent> ReactToPost(long id, ReactionInput? input, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.ReactToPostAsync(user, id, input?.Type, cancellationToken));

    public static Task<NoContent> RemovePostReaction(long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.RemoveFromPostAsync(user, id, cancellationToken));

    public static Task<NoContent> AcknowledgeAnnouncement(long id, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.AcknowledgeAsync(user, id, cancellationToken));

    public static async Task<Ok<AnnouncementStats>> GetAcknowledgements(long id, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.StatsAsync(user, id, cancellationToken));

    public static async Task<Accepted> RemindAnnouncement(long id, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken)
    {
        await service.RemindAsync(user, id, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static Task<NoContent> PinPost(long id, PinInput? input, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.PinAsync(user, id, input?.Until, cancellationToken));
}
