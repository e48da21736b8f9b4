using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Workflows.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>Comments can be reported by those who can read their post.</summary>
internal sealed class ReportableComment(FeedDbContext db, FeedReaderResolver readers, PostVisibility visibility) : IReportableContent
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
