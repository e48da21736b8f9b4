using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using InternalSocial.Feed.Caching;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>What posts and comments share when they are written: checking the text, rendering it, saving atomically.</summary>
public sealed partial class PostWriter(FeedDbContext db, IPeopleLookup people, ShellSettings shell, ReaderCardCache readerCache, PendingViews pendingViews, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public string ValidateBody(string? input, int maxLength, IDictionary<string, string> errors, string field = "body")
    {
        ArgumentNullException.ThrowIfNull(errors);
        var body = (input ?? "").Trim();
        if (body.Length == 0)
        {
            errors[field] = T["Write something before posting."];
        }
        else if (body.Length > maxLength)
        {
            errors[field] = T["The text must be at most {0} characters (it has {1}).", maxLength, body.Length];
        }

        return body;
    }

    public IReadOnlyList<string> ValidateTags(IReadOnlyList<string>? input, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var tags = (input ?? []).Select(t => (t ?? "").Trim().TrimStart('#').ToLowerInvariant()).Distinct().ToList();
        if (tags.Any(t => !TagName().IsMatch(t)))
        {
            errors["tags"] = T["A tag has 1 to 50 letters, digits, '-' or '_'."];
        }
        else if (tags.Count > PostService.MaxTags)
        {
            errors["tags"] = T["At most {0} tags.", PostService.MaxTags];
        }

        return tags;
    }

    public static bool IsTag(string value) => TagName().IsMatch(value ?? "");

    /// <summary>The uploads to attach: they must be the author's own and not attached yet.</summary>
    public async Task<IReadOnlyList<Attachment>> ValidateAttachmentsAsync(IReadOnlyList<long>? ids, string userId, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        if (wanted.Count > AttachmentService.MaxPerPost)
        {
            errors["attachments"] = T["At most {0} attachments per post.", AttachmentService.MaxPerPost];
            return [];
        }

        var found = await db.Attachments.Where(a => wanted.Contains(a.Id) && a.UploadedBy == userId && a.PostId == null).ToListAsync(cancellationToken);
        if (found.Count != wanted.Count)
        {
            errors["attachments"] = T["Attach only files you uploaded and have not attached yet."];
        }

        return found;
    }

    /// <summary>Renders Markdown to safe HTML, resolving @mentions in one lookup.</summary>
    public async Task<RenderedContent> RenderAsync(string body, CancellationToken cancellationToken)
    {
        var names = ContentRenderer.ParseMentions(body);
        var found = names.Count == 0 ? new Dictionary<string, PersonSummary>() : await people.GetByUserNamesAsync(names, cancellationToken);
        var mentioned = found.Where(p => p.Value.IsActive).ToDictionary(p => p.Key, p => (p.Value.Id, p.Value.UserName));
        var pathBase = shell.RequestUrlPrefix.Length > 0 ? "/" + shell.RequestUrlPrefix : "";
        var html = ContentRenderer.Render(body, mentioned, pathBase);
        return new RenderedContent(html, ContentRenderer.ParseTags(body), mentioned.Values.ToDictionary(p => p.Id, p => p.UserName));
    }

    /// <summary>
    /// Replaces a post's text with an edit, keeping the text it replaces as a revision for moderators, with the edit's tags
    /// and mentions. Call it inside <see cref="BeginAsync"/>, then save.
    /// </summary>
    public async Task<RenderedContent> ApplyEditAsync(Post post, string body, IEnumerable<string> tags, DateTime? expiresUtc, string editedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var rendered = await RenderAsync(body, cancellationToken);
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

    /// <summary>
    /// Counts each post's view once per person. The views this process does not know yet are queued (<see cref="PendingViews"/>)
    /// and written in batches; a view written twice is kept once.
    /// </summary>
    public void RecordViews(string userId, IReadOnlyList<long> postIds)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        if (userId.Length == 0 || postIds.Count == 0)
        {
            return;
        }

        var ids = postIds.Distinct().Where(id => !readerCache.HasSeen(userId, id)).ToList();
        if (ids.Count > 0)
        {
            pendingViews.Add(userId, ids, clock.GetUtcNow().UtcDateTime);
            readerCache.Seen(userId, ids);
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_-]{1,50}$")]
    private static partial Regex TagName();
}
