using InternalSocial.Kernel.Settings;

namespace InternalSocial.Newsletter.Services;

/// <summary>The organisation's branding in mails: name, accent colour, logo address.</summary>
internal sealed record Branding(string SiteName, string AccentColor, string? LogoUrl)
{
    /// <param name="baseUrl">The edition's base URL, where recipients fetch the logo.</param>
    public static Branding For(SiteSettings site, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new(site.SiteName, site.AccentColor ?? NewsletterContent.DefaultAccent, site.Logo is { } logo ? $"{baseUrl}/logo.webp?v={logo.Version}" : null);
    }
}
