using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.QuickLinks.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.QuickLinks.Services;

internal sealed record QuickLinkInput(string? Title, string? Url, string? Description, int? Position);

/// <summary>Lists and edits the quick links; checks permissions and input on every call, in the request's language.</summary>
internal sealed class QuickLinksService(QuickLinksDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    /// <summary>More than enough for a curated list; keeps the page and the API bounded.</summary>
    public const int MaxLinks = 200;

    public async Task<IReadOnlyList<QuickLink>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewQuickLinks);
        return await db.Links.AsNoTracking().OrderBy(l => l.Position).ThenBy(l => l.Title).Take(MaxLinks).ToListAsync(cancellationToken);
    }

    public async Task<QuickLink> CreateAsync(ClaimsPrincipal user, QuickLinkInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageQuickLinks);
        var errors = new Dictionary<string, string>();
        var title = input.Title?.Trim() ?? "";
        var url = input.Url?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors["title"] = T["The title is required."];
        }
        else if (title.Length > 100)
        {
            errors["title"] = T["The title must be at most {0} characters.", 100];
        }

        if (!IsSafeUrl(url))
        {
            errors["url"] = T["The URL must be an absolute http(s) address or a path on this site starting with '/'."];
        }

        if ((input.Description?.Length ?? 0) > 500)
        {
            errors["description"] = T["The description must be at most {0} characters.", 500];
        }

        if (errors.Count == 0 && await db.Links.CountAsync(cancellationToken) >= MaxLinks)
        {
            errors["title"] = T["There are already {0} links; remove one first.", MaxLinks];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var link = new QuickLink
        {
            Title = title,
            Url = url,
            Description = input.Description?.Trim() ?? "",
            Position = input.Position ?? 0,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.GetUserId(),
        };
        db.Links.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    public async Task DeleteAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageQuickLinks);
        var deleted = await db.Links.Where(l => l.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new NotFoundException(T["No quick link with id {0}.", id]);
        }
    }

    /// <summary>Only http(s) or site-relative links: no javascript:, data: or protocol-relative URLs.</summary>
    private static bool IsSafeUrl(string url) =>
        url.Length is > 0 and <= 2000
        && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)));
}
