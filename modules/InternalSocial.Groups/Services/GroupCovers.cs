using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>Group cover images: re-encoded to WebP (no metadata), stored in the tenant's files, served only to those who see the group.</summary>
internal sealed class GroupCovers(GroupsDbContext db, GroupsService groups, ITenantFileStore files, IStringLocalizer<ModuleResources> T)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 1600;

    public async Task SetAsync(ClaimsPrincipal user, string key, Stream? upload, long length, CancellationToken cancellationToken)
    {
        var standing = await groups.GetForAdminAsync(user, key, cancellationToken);
        if (upload is null || length == 0)
        {
            throw new InvalidInputException("cover", T["Choose an image file."]);
        }

        if (length > MaxBytes)
        {
            throw new InvalidInputException("cover", T["The cover image must be at most {0} MB.", MaxBytes / (1024 * 1024)]);
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            throw new InvalidInputException("cover", T["The cover image must be at most {0} MB.", MaxBytes / (1024 * 1024)]);
        }

        var (problem, images) = await ImageNormalizer.NormalizeAsync(buffer.ToArray(), [MaxSide], cancellationToken);
        if (problem != ImageProblem.None)
        {
            throw new InvalidInputException("cover", problem == ImageProblem.TooManyPixels
                ? ImageNormalizer.TooManyPixelsMessage
                : T["The cover must be a PNG, JPEG, WebP or GIF image."]);
        }

        var image = images[0];

        var group = await db.Groups.FirstAsync(g => g.Id == standing.Group.Id, cancellationToken);
        var previous = group.CoverPath;
        // A new name each time: browsers and proxies never show a stale cover.
        var path = $"groups/covers/{group.Id}-{Guid.NewGuid():N}{NormalizedImage.Extension}";
        using (var content = new MemoryStream(image.Content))
        {
            await files.SaveAsync(path, content, cancellationToken);
        }

        group.CoverPath = path;
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
        {
            await files.DeleteAsync(previous, cancellationToken);
        }
    }

    /// <summary>The cover and whether the group is private (not cached by shared caches); 404 when hidden or absent.</summary>
    public async Task<(Stream Content, bool IsPrivate, string Slug)> OpenAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await groups.GetVisibleAsync(user, key, cancellationToken);
        var stream = standing.Group.CoverPath is { } path ? await files.OpenReadAsync(path, cancellationToken) : null;
        return stream is null
            ? throw new NotFoundException(T["This group has no cover image."])
            : (stream, standing.Group.Visibility != Models.GroupVisibility.Public, standing.Group.Slug);
    }
}
