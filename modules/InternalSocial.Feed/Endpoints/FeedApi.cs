using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Feed.Endpoints;

/// <summary>
/// <c>/api/v1/feed</c>, and the entry point of the feed's API: <see cref="PostsApi"/> (<c>/api/v1/posts</c>),
/// <see cref="CommentsApi"/> (<c>/api/v1/comments</c>) and <see cref="AttachmentsApi"/> (<c>/api/v1/attachments</c>).
/// </summary>
internal static class FeedApi
{
    public const string Tag = "Feed";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        PostsApi.Map(endpoints.MapApiGroup("posts", Tag).RequireAuthorization());
        MapFeed(endpoints.MapApiGroup("feed", Tag).RequireAuthorization());
        CommentsApi.Map(endpoints.MapApiGroup("comments", Tag).RequireAuthorization());
        AttachmentsApi.Map(endpoints.MapApiGroup("attachments", Tag).RequireAuthorization());
    }

    private static void MapFeed(RouteGroupBuilder feed)
    {
        feed.MapGet("", GetFeed).WithSummary("A page of the feed: filter all, following, announcements or tag:NAME; cursor and pageSize (at most 50, default 20).");
        feed.MapGet("/new-count", CountNewPosts).WithSummary("How many visible posts are newer than a page's sinceCursor.");
        feed.MapGet("/reaction-types", GetReactionTypes).WithSummary("The reaction set.");
        feed.MapGet("/tags", GetTags).WithSummary("Curated and followed tags.");
        feed.MapGet("/tags/curation", ListCuratedTags).WithSummary("Curated tags (pinned first) with their post counts, then the 30 most used tags not curated (Feed.ManageTags).");
        feed.MapPut("/tags/{tag}", SaveCuratedTag).WithSummary("Curates a tag: description, official, pinned; fields left out keep their value (Feed.ManageTags).");
        feed.MapDelete("/tags/{tag}", RemoveCuratedTag).WithSummary("Removes a tag from the curated tags (Feed.ManageTags).");
        feed.MapGet("/settings", GetSettings).RequirePermission(Permissions.ManageTags).WithSummary("The editorial guidance and the posting limit (Feed.ManageTags).");
        feed.MapPut("/settings", SaveSettings).WithSummary("Changes the editorial guidance (absent: kept) and the posts per minute (null: the host's default) (Feed.ManageTags).");
        feed.MapPut("/follows/tags/{tag}", FollowTag).WithSummary("Follows a tag.");
        feed.MapDelete("/follows/tags/{tag}", UnfollowTag).WithSummary("Unfollows a tag.");
        feed.MapPut("/follows/people/{userName}", FollowPerson).WithSummary("Follows a person.");
        feed.MapDelete("/follows/people/{userName}", UnfollowPerson).WithSummary("Unfollows a person.");
        feed.MapGet("/mentions", SuggestMentions).RequirePermission(Permissions.Post).WithSummary("Mention autocomplete: up to 8 active people matching the prefix.");
    }

    internal static async Task<FeedPageResult> GetFeed(string? filter, string? cursor, int? pageSize, ClaimsPrincipal user, FeedQuery query, CancellationToken cancellationToken)
    {
        var kind = query.ParseFilter(filter, out var tag);
        return new FeedPageResult(await query.GetAsync(user, kind, tag, cursor, pageSize, cancellationToken));
    }

    public static async Task<Ok<NewCount>> CountNewPosts(string? since, ClaimsPrincipal user, FeedQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(new NewCount(await query.CountNewAsync(user, since, cancellationToken)));

    public static async Task<Ok<IReadOnlyList<ReactionTypeView>>> GetReactionTypes(ReactionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.TypesAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<TagView>>> GetTags(ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.TagsAsync(user, cancellationToken));

    public static async Task<Ok<IReadOnlyList<CuratedTag>>> ListCuratedTags(ClaimsPrincipal user, TagCurationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(user, cancellationToken));

    public static async Task<Ok<CuratedTag>> SaveCuratedTag(string tag, TagInput? input, ClaimsPrincipal user, TagCurationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SaveAsync(user, tag, input ?? new TagInput(null, null, null), cancellationToken));

    public static async Task<NoContent> RemoveCuratedTag(string tag, ClaimsPrincipal user, TagCurationService service, CancellationToken cancellationToken)
    {
        await service.RemoveAsync(user, tag, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<FeedSettingsResponse>> GetSettings(FeedSettingsService service, CancellationToken cancellationToken)
    {
        var settings = await service.GetAsync(cancellationToken);
        return TypedResults.Ok(new FeedSettingsResponse(settings.EditorialGuidance, settings.PostsPerMinute, service.EffectivePostsPerMinute(settings)));
    }

    public static async Task<Ok<FeedSettingsResponse>> SaveSettings(FeedSettingsInput? input, ClaimsPrincipal user, FeedSettingsService service, CancellationToken cancellationToken)
    {
        // An absent guidance keeps the current one; an absent limit goes back to the host's default.
        await service.SaveAsync(user, input?.EditorialGuidance ?? (await service.GetAsync(cancellationToken)).EditorialGuidance, input?.PostsPerMinute, cancellationToken);
        return await GetSettings(service, cancellationToken);
    }

    public static Task<NoContent> FollowTag(string tag, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        NoContentAfter(service.FollowTagAsync(user, tag, follow: true, cancellationToken));

    public static Task<NoContent> UnfollowTag(string tag, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        NoContentAfter(service.FollowTagAsync(user, tag, follow: false, cancellationToken));

    public static Task<NoContent> FollowPerson(string userName, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        NoContentAfter(service.FollowPersonAsync(user, userName, follow: true, cancellationToken));

    public static Task<NoContent> UnfollowPerson(string userName, ClaimsPrincipal user, FollowService service, CancellationToken cancellationToken) =>
        NoContentAfter(service.FollowPersonAsync(user, userName, follow: false, cancellationToken));

    public static async Task<Ok<List<MentionSuggestion>>> SuggestMentions(string? prefix, ClaimsPrincipal user, IPeopleLookup people, CancellationToken cancellationToken) =>
        TypedResults.Ok((await people.SuggestAsync(user, prefix ?? "", 8, cancellationToken)).Where(p => p.IsActive).Select(p => new MentionSuggestion(p.UserName, p.DisplayName)).ToList());

    /// <summary>204 once <paramref name="work"/> is done: what every command without an answer returns.</summary>
    internal static async Task<NoContent> NoContentAfter(Task work)
    {
        await work;
        return TypedResults.NoContent();
    }
}
