using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Feed.Endpoints;

/// <summary>
/// <c>/api/v1/posts</c>, <c>/api/v1/feed</c>, <c>/api/v1/comments</c>, <c>/api/v1/attachments</c>. Uploads go first to
/// <c>POST /api/v1/attachments</c> (multipart, one file per request), whose ids are then passed in a post's <c>attachments</c>.
/// </summary>
public static class FeedApi
{
    public const string Tag = "Feed";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        MapPosts(endpoints.MapApiGroup("posts", Tag).RequireAuthorization());
        MapFeed(endpoints.MapApiGroup("feed", Tag).RequireAuthorization());
        MapComments(endpoints.MapApiGroup("comments", Tag).RequireAuthorization());
        MapAttachments(endpoints.MapApiGroup("attachments", Tag).RequireAuthorization());
    }

    private static void MapPosts(RouteGroupBuilder posts)
    {
        posts.MapPost("", async (PostInput? input, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        {
            var created = await service.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{body, tags, audience, publishAt, attachments}"), cancellationToken);
            return TypedResults.Created($"/api/v1/posts/{created.Id}", new PostCreatedResponse(created.Id, created.Status.ToString(), created.Ids));
        }).RequireRateLimiting(Startup.PostingRateLimitPolicy);
        posts.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetAsync(user, id, cancellationToken)));
        posts.MapPatch("/{id:long}", async Task<Results<Ok<PostCard>, Accepted<PostCard>>> (long id, PostEditInput? input, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
            {
                var edit = await service.EditAsync(user, id, input ?? new PostEditInput(null), cancellationToken);
                return edit.Held ? TypedResults.Accepted((string?)null, edit.Post) : TypedResults.Ok(edit.Post);
            })
            .WithSummary("Edit a post. 202 when the edit waits for a moderator (the same review as a new post): the answer, and readers, keep the published version until it is approved.");
        posts.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        {
            await service.DeleteAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });
        posts.MapPost("/{id:long}/restore", async (long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        {
            await service.RestoreAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });
        posts.MapGet("/{id:long}/history", async (long id, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.HistoryAsync(user, id, cancellationToken)));
        posts.MapPost("/{id:long}/relay", async (long id, RelayInput? input, ClaimsPrincipal user, PostService service, CancellationToken cancellationToken) =>
        {
            var created = await service.RelayAsync(user, id, input?.Comment, input?.GroupId, cancellationToken);
            return TypedResults.Created($"/api/v1/posts/{created.Id}", new PostCreatedResponse(created.Id, created.Status.ToString(), created.Ids));
        }).RequireRateLimiting(Startup.PostingRateLimitPolicy);

        posts.MapPost("/{id:long}/comments", async (long id, CommentInput? input, ClaimsPrincipal user, CommentService service, CancellationToken cancellationToken) =>
        {
            var commentId = await service.AddAsync(user, id, input ?? new CommentInput(null), cancellationToken);
            return TypedResults.Created($"/api/v1/comments/{commentId}", new CreatedId(commentId));
        }).RequireRateLimiting(Startup.PostingRateLimitPolicy);

        posts.MapGet("/{id:long}/reactions", async (long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ReactorsAsync(user, id, cancellationToken)));
        posts.MapPost("/{id:long}/reactions", async (long id, ReactionInput? input, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        {
            await service.ReactToPostAsync(user, id, input?.Type, cancellationToken);
            return TypedResults.NoContent();
        });
        posts.MapDelete("/{id:long}/reactions", async (long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        {
            await service.RemoveFromPostAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });

        posts.MapPost("/{id:long}/acknowledge", async (long id, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken) =>
        {
            await service.AcknowledgeAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });
        posts.MapGet("/{id:long}/acknowledgements", async (long id, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.StatsAsync(user, id, cancellationToken)));
        posts.MapPost("/{id:long}/remind", async (long id, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken) =>
        {
            await service.RemindAsync(user, id, cancellationToken);
            return TypedResults.Accepted((string?)null);
        });
        posts.MapPost("/{id:long}/pin", async (long id, PinInput? input, ClaimsPrincipal user, AnnouncementService service, CancellationToken cancellationToken) =>
        {
            await service.PinAsync(user, id, input?.Until, cancellationToken);
            return TypedResults.NoContent();
        });
    }

    private static void MapFeed(RouteGroupBuilder feed)
    {
        feed.MapGet("", async (string? filter, string? cursor, int? pageSize, ClaimsPrincipal user, FeedQuery query, CancellationToken cancellationToken) =>
        {
            var kind = query.ParseFilter(filter, out var tag);
            return new FeedPageResult(await query.GetAsync(user, kind, tag, cursor, pageSize, cancellationToken));
        });
        feed.MapGet("/new-count", async (string? since, ClaimsPrincipal user, FeedQuery query, CancellationToken cancellationToken) =>
            TypedResults.Ok(new NewCount(await query.CountNewAsync(user, since, cancellationToken))));
        feed.MapGet("/reaction-types", async (ReactionService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.TypesAsync(cancellationToken)));
        feed.MapGet("/tags", async (ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.TagsAsync(user, cancellationToken)));
        feed.MapGet("/tags/curation", async (ClaimsPrincipal user, TagCurationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ListAsync(user, cancellationToken)));
        feed.MapPut("/tags/{tag}", async (string tag, TagInput? input, ClaimsPrincipal user, TagCurationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.SaveAsync(user, tag, input ?? new TagInput(null, null, null), cancellationToken)));
        feed.MapDelete("/tags/{tag}", async (string tag, ClaimsPrincipal user, TagCurationService service, CancellationToken cancellationToken) =>
        {
            await service.RemoveAsync(user, tag, cancellationToken);
            return TypedResults.NoContent();
        });
        feed.MapGet("/settings", async (FeedSettingsService service, CancellationToken cancellationToken) =>
        {
            var settings = await service.GetAsync(cancellationToken);
            return TypedResults.Ok(new FeedSettingsResponse(settings.EditorialGuidance, settings.PostsPerMinute, service.EffectivePostsPerMinute(settings)));
        }).RequirePermission(Permissions.ManageTags);
        feed.MapPut("/settings", async (FeedSettingsInput? input, ClaimsPrincipal user, FeedSettingsService service, CancellationToken cancellationToken) =>
        {
            // An absent guidance keeps the current one; an absent limit goes back to the host's default.
            await service.SaveAsync(user, input?.EditorialGuidance ?? (await service.GetAsync(cancellationToken)).EditorialGuidance, input?.PostsPerMinute, cancellationToken);
            var settings = await service.GetAsync(cancellationToken);
            return TypedResults.Ok(new FeedSettingsResponse(settings.EditorialGuidance, settings.PostsPerMinute, service.EffectivePostsPerMinute(settings)));
        });
        feed.MapPut("/follows/tags/{tag}", async (string tag, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        {
            await service.FollowTagAsync(user, tag, follow: true, cancellationToken);
            return TypedResults.NoContent();
        });
        feed.MapDelete("/follows/tags/{tag}", async (string tag, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        {
            await service.FollowTagAsync(user, tag, follow: false, cancellationToken);
            return TypedResults.NoContent();
        });
        feed.MapPut("/follows/people/{userName}", async (string userName, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        {
            await service.FollowPersonAsync(user, userName, follow: true, cancellationToken);
            return TypedResults.NoContent();
        });
        feed.MapDelete("/follows/people/{userName}", async (string userName, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        {
            await service.FollowPersonAsync(user, userName, follow: false, cancellationToken);
            return TypedResults.NoContent();
        });
        feed.MapGet("/mentions", async (string? prefix, ClaimsPrincipal user, IPeopleLookup people, CancellationToken cancellationToken) =>
            TypedResults.Ok((await people.SuggestAsync(user, prefix ?? "", 8, cancellationToken)).Where(p => p.IsActive).Select(p => new MentionSuggestion(p.UserName, p.DisplayName)).ToList()))
            .RequirePermission(Permissions.Post);
    }

    private static void MapComments(RouteGroupBuilder comments)
    {
        comments.MapPatch("/{id:long}", async (long id, CommentEditInput? input, ClaimsPrincipal user, CommentService service, CancellationToken cancellationToken) =>
        {
            await service.EditAsync(user, id, input?.Body, cancellationToken);
            return TypedResults.NoContent();
        });
        comments.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, CommentService service, CancellationToken cancellationToken) =>
        {
            await service.DeleteAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });
        comments.MapGet("/{id:long}/reactions", async (long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.CommentReactorsAsync(user, id, cancellationToken)));
        comments.MapPost("/{id:long}/reactions", async (long id, ReactionInput? input, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        {
            await service.ReactToCommentAsync(user, id, input?.Type, cancellationToken);
            return TypedResults.NoContent();
        });
        comments.MapDelete("/{id:long}/reactions", async (long id, ClaimsPrincipal user, ReactionService service, CancellationToken cancellationToken) =>
        {
            await service.RemoveFromCommentAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });
    }

    private static void MapAttachments(RouteGroupBuilder attachments)
    {
        attachments.MapPost("", async (HttpRequest request, ClaimsPrincipal user, AttachmentService service, CancellationToken cancellationToken) =>
        {
            if (!request.HasFormContentType)
            {
                throw new InvalidInputException("attachments", "Send the file as multipart/form-data in a field named 'file'.");
            }

            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)
                ?? throw new InvalidInputException("attachments", "Send the file as multipart/form-data in a field named 'file'.");
            await using var stream = file.OpenReadStream();
            var stored = await service.UploadAsync(user, file.FileName, stream, file.Length, cancellationToken);
            return TypedResults.Created($"/api/v1/attachments/{stored.Id}", stored);
        }).RequireRateLimiting(Startup.PostingRateLimitPolicy);
        attachments.MapGet("/{id:long}", async (long id, HttpContext context, AttachmentService service, CancellationToken cancellationToken) =>
        {
            var file = await service.OpenAsync(context.User, id, cancellationToken);
            return FileResponses.Serve(context, file.Content, file.ContentType, file.FileName);
        });
    }
}
