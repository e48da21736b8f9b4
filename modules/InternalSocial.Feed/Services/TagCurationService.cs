using System.Security.Claims;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Administrators and communication directors (<c>Feed.ManageTags</c>) describe tags, mark them official and pin them
/// on top of the tag list; the tags most used in posts are offered for curation.
/// </summary>
internal sealed class TagCurationService(FeedDbContext db, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T)
{
    public const int MaxDescriptionLength = 300;
    public const int MaxListed = 200;
    public const int MaxSuggested = 30;

    /// <summary>Curated tags (pinned first, then by name) followed by the most used tags nobody curated yet.</summary>
    public async Task<IReadOnlyList<CuratedTag>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTags);
        var curated = await db.Tags.AsNoTracking().OrderByDescending(t => t.IsPinned).ThenBy(t => t.Name).Take(MaxListed).ToListAsync(cancellationToken);
        var names = curated.Select(t => t.Name).ToList();
        var counts = await db.PostTags.Where(p => names.Contains(p.Tag)).GroupBy(p => p.Tag)
            .Select(g => new { Tag = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Tag, g => g.Count, cancellationToken);
        var suggested = await db.PostTags.Where(p => !db.Tags.Any(t => t.Name == p.Tag)).GroupBy(p => p.Tag)
            .Select(g => new { Tag = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Tag).Take(MaxSuggested).ToListAsync(cancellationToken);
        return curated.Select(t => new CuratedTag(t.Name, t.Description, t.IsOfficial, t.IsPinned, true, counts.GetValueOrDefault(t.Name)))
            .Concat(suggested.Select(s => new CuratedTag(s.Tag, "", false, false, false, s.Count)))
            .ToList();
    }

    /// <summary>Creates or updates a curated tag; fields left null keep their value (a new tag is official unless told).</summary>
    public async Task<CuratedTag> SaveAsync(ClaimsPrincipal user, string? name, TagInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTags);
        var key = Normalize(name);
        var errors = new Dictionary<string, string>();
        if (!PostValidator.IsTag(key))
        {
            errors["name"] = T["A tag has 1 to 50 letters, digits, '-' or '_'."];
        }

        var description = (input.Description ?? "").Trim();
        if (description.Length > MaxDescriptionLength)
        {
            errors["description"] = T["The description must be at most {0} characters.", MaxDescriptionLength];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Name == key, cancellationToken);
        if (tag is null)
        {
            tag = new Tag { Name = key, IsOfficial = true };
            db.Tags.Add(tag);
        }

        if (input.Description is not null)
        {
            tag.Description = description;
        }

        tag.IsOfficial = input.Official ?? tag.IsOfficial;
        tag.IsPinned = input.Pinned ?? tag.IsPinned;
        await db.SaveChangesAsync(cancellationToken);
        var count = await db.PostTags.CountAsync(p => p.Tag == key, cancellationToken);
        return new CuratedTag(tag.Name, tag.Description, tag.IsOfficial, tag.IsPinned, true, count);
    }

    /// <summary>Forgets the curation of a tag (its posts keep it).</summary>
    public async Task RemoveAsync(ClaimsPrincipal user, string? name, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTags);
        var key = Normalize(name);
        if (await db.Tags.Where(t => t.Name == key).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException(T["No curated tag called {0}.", key]);
        }
    }

    private static string Normalize(string? name) => (name ?? "").Trim().TrimStart('#').ToLowerInvariant();
}
