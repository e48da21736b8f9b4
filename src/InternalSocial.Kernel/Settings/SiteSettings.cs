using System.Globalization;
using InternalSocial.Kernel.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Settings;

/// <summary>The organisation-wide settings of a tenant.</summary>
public sealed record SiteSettings
{
    public const string DocumentId = "SiteSettings";

    public string SiteName { get; init; } = "InternalSocial";

    /// <summary>An IANA time zone id, such as "Europe/Paris".</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>"en" or "fr".</summary>
    public string DefaultCulture { get; init; } = "en";

    /// <summary>The theme feature of the employee site; null for the default theme.</summary>
    public string? SiteTheme { get; init; }

    /// <summary>The theme feature of the administration; null for the default theme.</summary>
    public string? AdminTheme { get; init; }

    /// <summary>The organisation's accent colour as #rrggbb; null keeps the theme's.</summary>
    public string? AccentColor { get; init; }

    /// <summary>
    /// The organisation's public address (<c>https://social.contoso.com</c>, with the tenant's prefix when it has one):
    /// every link in every e-mail starts with it (<see cref="TenantUrls"/>). Null: see <see cref="TenantUrls"/> for what
    /// is used instead — never the request's Host header, which the client chooses.
    /// </summary>
    public string? BaseUrl { get; init; }

    /// <summary>The organisation's logo, stored at <see cref="SiteLogo.FilePath"/>; null when none was uploaded.</summary>
    public SiteLogo? Logo { get; init; }

    public static IReadOnlyList<string> SupportedCultures { get; } = ["en", "fr"];

    /// <summary>Field name → problem, empty when valid; in the request's language when given the kernel's texts.</summary>
    public IReadOnlyDictionary<string, string> Validate(IStringLocalizer<KernelResources>? T = null)
    {
        string Text(string english, params object[] values) =>
            T is null ? string.Format(CultureInfo.InvariantCulture, english, values) : T[english, values];
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(SiteName))
        {
            errors["siteName"] = Text("The organisation name is required.");
        }
        else if (SiteName.Length > 100)
        {
            errors["siteName"] = Text("The organisation name must be at most 100 characters.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId ?? "", out _))
        {
            errors["timeZoneId"] = Text("'{0}' is not a known time zone (use an IANA id such as Europe/Paris).", TimeZoneId ?? "");
        }

        if (AccentColor is not null && !IsHexColor(AccentColor))
        {
            errors["accentColor"] = Text("'{0}' is not a colour; use #rrggbb, such as #2457d6.", AccentColor);
        }

        if (!SupportedCultures.Contains(DefaultCulture))
        {
            errors["defaultCulture"] = Text("'{0}' is not a supported language; use one of: {1}.", DefaultCulture, string.Join(", ", SupportedCultures));
        }

        if (BaseUrl is not null && TenantUrls.Normalize(BaseUrl) is null)
        {
            errors["baseUrl"] = Text("'{0}' is not a public address; use an absolute http or https URL without a query or fragment, such as https://social.contoso.com.", BaseUrl);
        }

        return errors;
    }

    private static bool IsHexColor(string value) =>
        value.Length == 7 && value[0] == '#' && value.Skip(1).All(Uri.IsHexDigit);
}

/// <summary>
/// The uploaded logo: a WebP image in the tenant's file store, re-encoded at most <see cref="MaxSide"/> pixels wide
/// and high. <see cref="Version"/> changes with every upload, so its address can be cached by browsers for long.
/// </summary>
public sealed record SiteLogo(string Version, int Width, int Height)
{
    public const string FilePath = "branding/logo.webp";

    public const int MaxSide = 512;

    /// <summary>The logo's address in the site (with <c>~/</c>, for <c>Url.Content</c>).</summary>
    public string Url => "~/logo.webp?v=" + Version;
}

/// <summary>The tenant's settings as last read, shared by the requests of one shell: most pages need them.</summary>
public sealed class SiteSettingsCache
{
    private volatile SiteSettings? _value;

    public SiteSettings? Value
    {
        get => _value;
        set => _value = value;
    }
}

/// <summary>Reads and writes the tenant's <see cref="SiteSettings"/>.</summary>
/// <remarks>
/// Most requests read the settings (layout, language, theme) and find them cached: the documents store, and with it a
/// database context, is only resolved on a cache miss or a save.
/// </remarks>
public sealed class SiteSettingsService(IServiceProvider services, SiteSettingsCache cache)
{
    private DocumentStore Documents => services.GetRequiredService<DocumentStore>();

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.Value is { } cached)
        {
            return cached;
        }

        var settings = await Documents.GetAsync<SiteSettings>(SiteSettings.DocumentId, cancellationToken) ?? new SiteSettings();
        cache.Value = settings;
        return settings;
    }

    /// <exception cref="InvalidInputException">When a field is invalid; nothing is saved then.</exception>
    public async Task SaveAsync(SiteSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate(services.GetService<IStringLocalizer<KernelResources>>());
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var baseUrl = settings.BaseUrl is null ? null : TenantUrls.Normalize(settings.BaseUrl);
        await Documents.SaveAsync(SiteSettings.DocumentId, settings with { SiteName = settings.SiteName.Trim(), BaseUrl = baseUrl }, cancellationToken);
        // Read again on next use. A recipe that rolls this save back rebuilds the shell, and with it this cache.
        cache.Value = null;
    }
}
