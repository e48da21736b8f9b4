using System.Security.Claims;
using System.Security.Cryptography;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Admin.Services;

/// <summary>
/// The organisation's logo: an uploaded image re-encoded to WebP (at most <see cref="SiteLogo.MaxSide"/> pixels,
/// without its metadata) and kept in the tenant's file store. The layouts show it in the top bar and the web app
/// manifest offers it as an icon.
/// </summary>
internal sealed class LogoAdminService(
    SiteSettingsService settings,
    ITenantFileStore files,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>Larger uploads are refused before decoding: a logo is never that big, a photo by mistake often is.</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    /// <exception cref="InvalidInputException">Naming <c>logo</c> when the file is missing, too large or not an image; nothing is saved then.</exception>
    public async Task<SiteLogo> SaveAsync(ClaimsPrincipal user, Stream? upload, long length, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageSettings);
        if (upload is null || length <= 0)
        {
            throw new InvalidInputException("logo", T["Choose an image file for the logo."]);
        }

        if (length > MaxUploadBytes)
        {
            throw new InvalidInputException("logo", T["The logo must be at most {0} MB.", MaxUploadBytes / (1024 * 1024)]);
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        var (problem, images) = await ImageNormalizer.NormalizeAsync(buffer.ToArray(), [SiteLogo.MaxSide], cancellationToken);
        if (problem != ImageProblem.None)
        {
            throw new InvalidInputException("logo", problem == ImageProblem.TooManyPixels
                ? ImageNormalizer.TooManyPixelsMessage
                : T["The logo must be a PNG, JPEG, WebP or GIF image."]);
        }

        var image = images[0];

        // The version is the content's hash: the logo's address changes with it, so browsers may cache each for long.
        var logo = new SiteLogo(Convert.ToHexStringLower(SHA256.HashData(image.Content))[..16], image.Width, image.Height);
        using (var content = new MemoryStream(image.Content, writable: false))
        {
            await files.SaveAsync(SiteLogo.FilePath, content, cancellationToken);
        }

        var current = await settings.GetAsync(cancellationToken);
        await settings.SaveAsync(current with { Logo = logo }, cancellationToken);
        return logo;
    }

    public async Task RemoveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageSettings);
        var current = await settings.GetAsync(cancellationToken);
        await settings.SaveAsync(current with { Logo = null }, cancellationToken);
        await files.DeleteAsync(SiteLogo.FilePath, cancellationToken);
    }
}
