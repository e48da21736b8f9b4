using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>Profile photos: set by the person (or people administrators), stored as two WebP sizes, read by whoever may see the profile.</summary>
internal sealed class ProfilePhotos(
    UsersDbContext db,
    ProfileAccess access,
    ProfileService profiles,
    ITenantFileStore files,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxPhotoBytes = 5 * 1024 * 1024;

    /// <summary>A new photo: decoded and re-encoded as WebP at 512 px and 96 px; the previous one is deleted.</summary>
    /// <exception cref="InvalidInputException">"photo": too large, or not an image.</exception>
    public async Task SetPhotoAsync(ClaimsPrincipal viewer, string userId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(viewer);
        await access.EnsureMayEditAsync(viewer, userId, cancellationToken);

        var bytes = await ReadBoundedAsync(content, MaxPhotoBytes, cancellationToken)
            ?? throw new InvalidInputException("photo", T["The photo must be at most {0} MB.", MaxPhotoBytes / 1024 / 1024]);
        // Both sizes from one decoding: the header is checked before any pixel is decoded.
        var (problem, sizes) = await ImageNormalizer.NormalizeAsync(bytes, [512, 96], cancellationToken);
        if (problem != ImageProblem.None)
        {
            throw new InvalidInputException("photo", problem == ImageProblem.TooManyPixels
                ? ImageNormalizer.TooManyPixelsMessage
                : T["The photo must be a PNG, JPEG, WebP or GIF image."]);
        }

        var (large, small) = (sizes[0], sizes[1]);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        var previous = user.PhotoVersion;
        var version = (previous ?? 0) + 1;
        await files.SaveAsync(PhotoPath(userId, version, large: true), new MemoryStream(large.Content), cancellationToken);
        await files.SaveAsync(PhotoPath(userId, version, large: false), new MemoryStream(small.Content), cancellationToken);
        user.PhotoVersion = version;
        await db.SaveChangesAsync(cancellationToken);
        if (previous is { } old)
        {
            await DeletePhotoFilesAsync(userId, old, cancellationToken);
        }
    }

    /// <summary>The photo, for whoever may see the profile; null when the person has none.</summary>
    public async Task<Stream?> OpenPhotoAsync(ClaimsPrincipal viewer, string userId, bool large, CancellationToken cancellationToken)
    {
        await profiles.EnsureVisibleAsync(viewer, userId, cancellationToken);
        var version = await db.Users.Where(u => u.Id == userId).Select(u => u.PhotoVersion).FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : await files.OpenReadAsync(PhotoPath(userId, version.Value, large), cancellationToken);
    }

    internal async Task DeletePhotoFilesAsync(string userId, int version, CancellationToken cancellationToken)
    {
        await files.DeleteAsync(PhotoPath(userId, version, large: true), cancellationToken);
        await files.DeleteAsync(PhotoPath(userId, version, large: false), cancellationToken);
    }

    private static string PhotoPath(string userId, int version, bool large) =>
        $"users/photos/{userId}/{version.ToString(CultureInfo.InvariantCulture)}{(large ? "" : "-96")}.webp";

    private static async Task<byte[]?> ReadBoundedAsync(Stream content, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
