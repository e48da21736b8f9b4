using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// One reaction per person per post or comment. Written with a single INSERT … ON CONFLICT DO UPDATE, so concurrent
/// reactions never lose an update, and counted by a grouped query rather than a counter column.
/// </summary>
internal sealed class ReactionService(
    FeedDbContext db,
    IAuthorizationService authorization,
    FeedReaderResolver readers,
    PostVisibility visibility,
    IPeopleLookup people,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public async Task<IReadOnlyList<ReactionTypeView>> TypesAsync(CancellationToken cancellationToken) =>
        await db.ReactionTypes.OrderBy(r => r.Position).ThenBy(r => r.Key).Select(r => new ReactionTypeView(r.Key, r.Label, r.Emoji)).ToListAsync(cancellationToken);

    public async Task ReactToPostAsync(ClaimsPrincipal user, long postId, string? type, CancellationToken cancellationToken)
    {
        var reader = await EnsureCanReactAsync(user, postId, cancellationToken);
        var key = await ValidateTypeAsync(type, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Feed_PostReactions\" (\"PostId\", \"UserId\", \"Type\", \"CreatedUtc\") VALUES ({postId}, {reader.UserId}, {key}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT (\"PostId\", \"UserId\") DO UPDATE SET \"Type\" = excluded.\"Type\"",
            cancellationToken);
        await db.TouchCardsAsync([postId], cancellationToken);
        await events.PublishAsync(new ReactionAdded(postId, null, reader.UserId, key), cancellationToken);
    }

    public async Task RemoveFromPostAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        var reader = await EnsureCanReactAsync(user, postId, cancellationToken);
        if (await db.PostReactions.Where(r => r.PostId == postId && r.UserId == reader.UserId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await db.TouchCardsAsync([postId], cancellationToken);
        }
    }

    public async Task ReactToCommentAsync(ClaimsPrincipal user, long commentId, string? type, CancellationToken cancellationToken)
    {
        var (reader, postId) = await EnsureCanReactToCommentAsync(user, commentId, cancellationToken);
        var key = await ValidateTypeAsync(type, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Feed_CommentReactions\" (\"CommentId\", \"UserId\", \"Type\", \"CreatedUtc\") VALUES ({commentId}, {reader.UserId}, {key}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT (\"CommentId\", \"UserId\") DO UPDATE SET \"Type\" = excluded.\"Type\"",
            cancellationToken);
        await events.PublishAsync(new ReactionAdded(postId, commentId, reader.UserId, key), cancellationToken);
    }

    public async Task RemoveFromCommentAsync(ClaimsPrincipal user, long commentId, CancellationToken cancellationToken)
    {
        var (reader, _) = await EnsureCanReactToCommentAsync(user, commentId, cancellationToken);
        await db.CommentReactions.Where(r => r.CommentId == commentId && r.UserId == reader.UserId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Who reacted to a visible post, and how (first 200).</summary>
    public async Task<IReadOnlyList<Reactor>> ReactorsAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        if (!await visibility.Visible(reader).AnyAsync(p => p.Id == postId, cancellationToken))
        {
            throw new NotFoundException(T["No post with id {0}.", postId]);
        }

        var reactions = await db.PostReactions.Where(r => r.PostId == postId).OrderBy(r => r.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var persons = await people.GetByIdsAsync(reactions.Select(r => r.UserId).ToList(), cancellationToken);
        return reactions.Select(r => new Reactor(PostCards.Person(persons, r.UserId), r.Type)).ToList();
    }

    /// <summary>Who reacted to a comment of a visible post, and how (first 200).</summary>
    public async Task<IReadOnlyList<Reactor>> CommentReactorsAsync(ClaimsPrincipal user, long commentId, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var visible = visibility.Visible(reader).Select(p => p.Id);
        if (!await db.Comments.AnyAsync(c => c.Id == commentId && c.DeletedUtc == null && visible.Contains(c.PostId), cancellationToken))
        {
            throw new NotFoundException(T["No comment with id {0}.", commentId]);
        }

        var reactions = await db.CommentReactions.Where(r => r.CommentId == commentId).OrderBy(r => r.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var persons = await people.GetByIdsAsync(reactions.Select(r => r.UserId).ToList(), cancellationToken);
        return reactions.Select(r => new Reactor(PostCards.Person(persons, r.UserId), r.Type)).ToList();
    }

    /// <summary>
    /// Who reacted to a visible post and to each of its comments, for the post's page: two queries and one lookup of
    /// people, whatever the number of comments (first 200 per post or comment).
    /// </summary>
    public async Task<PostReactors> PostPageReactorsAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        if (!await visibility.Visible(reader).AnyAsync(p => p.Id == postId, cancellationToken))
        {
            return new PostReactors([], new Dictionary<long, IReadOnlyList<Reactor>>());
        }

        var onPost = await db.PostReactions.Where(r => r.PostId == postId).OrderBy(r => r.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var commentIds = db.Comments.Where(c => c.PostId == postId && c.DeletedUtc == null).Select(c => c.Id);
        var onComments = await db.CommentReactions.Where(r => commentIds.Contains(r.CommentId)).OrderBy(r => r.CreatedUtc).Take(PostCards.MaxComments * 4).ToListAsync(cancellationToken);
        var persons = await people.GetByIdsAsync(onPost.Select(r => r.UserId).Concat(onComments.Select(r => r.UserId)).Distinct().ToList(), cancellationToken);
        return new PostReactors(
            onPost.Select(r => new Reactor(PostCards.Person(persons, r.UserId), r.Type)).ToList(),
            onComments.GroupBy(r => r.CommentId).ToDictionary(g => g.Key, g => (IReadOnlyList<Reactor>)g.Take(200).Select(r => new Reactor(PostCards.Person(persons, r.UserId), r.Type)).ToList()));
    }

    private async Task<FeedReader> EnsureCanReactAsync(ClaimsPrincipal user, long postId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.React);
        var reader = await readers.GetAsync(user, cancellationToken);
        if (!await visibility.Visible(reader).AnyAsync(p => p.Id == postId, cancellationToken))
        {
            throw new NotFoundException(T["No post with id {0}.", postId]);
        }

        return reader;
    }

    private async Task<(FeedReader Reader, long PostId)> EnsureCanReactToCommentAsync(ClaimsPrincipal user, long commentId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.React);
        var reader = await readers.GetAsync(user, cancellationToken);
        var visible = visibility.Visible(reader).Select(p => p.Id);
        var postId = await db.Comments.Where(c => c.Id == commentId && c.DeletedUtc == null && visible.Contains(c.PostId)).Select(c => (long?)c.PostId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(T["No comment with id {0}.", commentId]);
        return (reader, postId);
    }

    private async Task<string> ValidateTypeAsync(string? type, CancellationToken cancellationToken)
    {
        var key = (type ?? "").Trim().ToLowerInvariant();
        if (key.Length == 0 || key.Length > 32 || !await db.ReactionTypes.AnyAsync(r => r.Key == key, cancellationToken))
        {
            var known = string.Join(", ", await db.ReactionTypes.OrderBy(r => r.Position).Select(r => r.Key).ToListAsync(cancellationToken));
            throw new InvalidInputException("type", T["Unknown reaction; use one of: {0}.", known]);
        }

        return key;
    }
}
