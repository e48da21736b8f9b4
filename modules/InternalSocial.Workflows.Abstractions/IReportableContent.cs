using System.Security.Claims;

namespace InternalSocial.Workflows.Abstractions;

/// <summary>Contributed by the module owning a kind of content (the feed: posts and comments).</summary>
public interface IReportableContent
{
    string ContentType { get; }

    /// <summary>The item if the person may see it, else null: nobody reports (or learns about) what they cannot see.</summary>
    Task<ReportableItem?> FindVisibleAsync(ClaimsPrincipal user, string contentId, CancellationToken cancellationToken);
}
