using System.ComponentModel.DataAnnotations;
using InternalSocial.Kernel.Settings;

namespace InternalSocial.Admin.Controllers;

internal sealed class SettingsViewModel
{
    [Display(Name = "Organisation name")]
    public string SiteName { get; set; } = "";

    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "UTC";

    [Display(Name = "Default language")]
    public string DefaultCulture { get; set; } = "en";

    [Display(Name = "Theme of the site")]
    public string? SiteTheme { get; set; }

    [Display(Name = "Theme of the administration")]
    public string? AdminTheme { get; set; }

    [Display(Name = "Accent colour")]
    public string? AccentColor { get; set; }

    [Display(Name = "Public address")]
    public string? BaseUrl { get; set; }

    public IReadOnlyList<Kernel.Modules.FeatureInfo> Themes { get; set; } = [];

    public SiteLogo? Logo { get; set; }
}
