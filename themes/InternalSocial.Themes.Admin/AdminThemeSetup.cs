using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Setup;

namespace InternalSocial.Themes.Admin;

/// <summary>
/// New organisations get this theme for their administration. It is a setting, not a rule: the settings page and the
/// <c>theme</c> recipe step choose another, and organisations set up before this theme existed keep theirs.
/// </summary>
internal sealed class AdminThemeSetup(SiteSettingsService settings) : ISetupEventHandler
{
    public const string ThemeId = "InternalSocial.Themes.Admin";

    public Task ValidateAsync(SetupContext context, IDictionary<string, string> errors, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SetupAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        if (current.AdminTheme is null)
        {
            await settings.SaveAsync(current with { AdminTheme = ThemeId }, cancellationToken);
        }
    }
}
