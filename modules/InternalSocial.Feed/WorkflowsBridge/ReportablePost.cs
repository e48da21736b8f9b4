using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Workflows.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>Posts can be reported by those who can read them.</summary>
internal sealed class ReportablePost(FeedReaderResolver readers, PostVisibility visibility) : IReportableContent
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
