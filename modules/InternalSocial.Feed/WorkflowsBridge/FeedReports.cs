using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>Posts can be reported by those who can read them.</summary>
public sealed class ReportablePost(FeedReaderResolver readers, PostVisibility visibility) : IReportableContent
{
    public string ContentType => "post";

    public async Task<ReportableItem?> FindVisibleAsync(ClaimsPrincipal user, string contentId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var reader = await readers.GetAsync(user, cancellationToken);
        var post = await visibility.Visible(reader).AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.GroupId, p.AuthorId, p.Body }).FirstOrDefaultAsync(cancellationToken);
        return post is null ? null : new ReportableItem(ContentType, contentId, post.GroupId, post.AuthorId, post.Body);
    }
}

/// <summary>Comments can be reported by those who can read their post.</summary>
public sealed class ReportableComment(FeedDbContext db, FeedReaderResolver readers, PostVisibility visibility) : IReportableContent
{
    public string ContentType => "comment";

    public async Task<ReportableItem?> FindVisibleAsync(ClaimsPrincipal user, string contentId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var reader = await readers.GetAsync(user, cancellationToken);
        var visiblePosts = visibility.Visible(reader);
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id && c.DeletedUtc == null)
            .Join(visiblePosts, c => c.PostId, p => p.Id, (c, p) => new { c.AuthorId, c.Body, p.GroupId })
            .FirstOrDefaultAsync(cancellationToken);
        return comment is null ? null : new ReportableItem(ContentType, contentId, comment.GroupId, comment.AuthorId, comment.Body);
    }
}

/// <summary><c>feed.hideContent</c>: hides the reported post or comment (<c>content.type</c>, <c>content.id</c>); moderators can restore it.</summary>
public sealed class HideContentActivity : TaskActivity
{
    public override string Type => "feed.hideContent";

    public override string DisplayName => "Hide the content";

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Text("content.type");
        if (type is not ("post" or "comment") || !long.TryParse(context.Text("content.id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new InvalidOperationException("The workflow has no post or comment to hide (facts content.type and content.id).");
        }

        var hidden = await context.Services.GetRequiredService<IPostModeration>().HideAsync(type, id, cancellationToken);
        return ActivityResult.Outcome(ActivityOutcomes.Done, hidden ? $"{type} {id} hidden" : $"{type} {id} was already gone");
    }
}
