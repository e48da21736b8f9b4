using System.Security.Claims;
using InternalSocial.Feed.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Feed.Endpoints;

/// <summary><c>/api/v1/comments</c>; comments are written under their post (<see cref="PostsApi"/>).</summary>
internal static class CommentsApi
{
    public static void Map(RouteGroupBuilder comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        comments.MapPatch("/{id:long}", EditComment).WithSummary("Edits a comment.");
        comments.MapDelete("/{id:long}", DeleteComment).WithSummary("Deletes a comment.");
        comments.MapGet("/{id:long}/reactions", GetCommentReactors).WithSummary("Who reacted to a comment, and how.");
        comments.MapPost("/{id:long}/reactions", ReactToComment).WithSummary("Reacts to a comment.");
        comments.MapDelete("/{id:long}/reactions", RemoveCommentReaction).WithSummary("Removes the reader's reaction to a comment.");
    }

    public static Task<NoContent> EditComment(long id, CommentEditInput? input, ClaimsPrincipal user, CommentService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.EditAsync(user, id, input?.Body, cancellationToken));

    public static Task<NoContent> DeleteComment(long id, ClaimsPrincipal user, CommentService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.DeleteAsync(user, id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<Reactor>>> GetCommentReactors(long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.CommentReactorsAsync(user, id, cancellationToken));

    public static Task<NoContent> ReactToComment(long id, ReactionInput? input, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.ReactToCommentAsync(user, id, input?.Type, cancellationToken));

    public static Task<NoContent> RemoveCommentReaction(long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        FeedApi.NoContentAfter(service.RemoveFromCommentAsync(user, id, cancellationToken));
}
