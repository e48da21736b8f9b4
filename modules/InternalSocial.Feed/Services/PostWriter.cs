using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

/// <summary>What posts and comments share when they are saved: an edit with its revision, all-or-nothing writes.</summary>
internal sealed class PostWriter(FeedDbContext db, PostRenderer renderer, TimeProvider clock)
{
    /// <summary>
    /// Replaces a post's text with an edit, keeping the text it replaces as a revision for moderators, with the edit's tags
    /// and mentions. Call it inside <see cref="BeginAsync"/>, then save.
    /// </summary>
    public async Task<RenderedContent> ApplyEditAsync(Post post, string body, IEnumerable<string> tags, DateTime? expiresUtc, string editedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var rendered = await renderer.RenderAsync(body, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Revisions.Add(new PostRevision { PostId = post.Id, Body = post.Body, EditedUtc = now, EditedBy = editedBy });
        post.Body = body;
        post.Html = rendered.Html;
        post.EditedUtc = now;
        post.ExpiresUtc = expiresUtc ?? post.ExpiresUtc;
        await db.PostTags.Where(t => t.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Mentions.Where(m => m.PostId == post.Id && m.CommentId == 0).ExecuteDeleteAsync(cancellationToken);
        db.PostTags.AddRange(tags.Union(rendered.Tags).Select(t => new PostTag { PostId = post.Id, Tag = t }));
        db.Mentions.AddRange(rendered.MentionedUserIds.Keys.Select(m => new Mention { PostId = post.Id, CommentId = 0, UserId = m }));
        return rendered;
    }

    /// <summary>A transaction, unless the caller (a recipe) already holds one on this context.</summary>
    public async Task<WriteScope> BeginAsync(CancellationToken cancellationToken) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);
}
