using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Accounts;
using InternalSocial.Users.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>The account pages (two-factor set-up, sessions, forgotten password, registration, the registration administration): accessible and without sideways scrolling down to 360 px, in both site themes.</summary>
public sealed class AccountPagesBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableTheory]
    [InlineData("account", "account", true, null, "phone360", 360, 740)]
    [InlineData("account", "account", true, FieldTheme, "phone360-dark", 360, 740)]
    [InlineData("two-factor-setup", "account/two-factor", true, null, "phone360", 360, 740)]
    [InlineData("two-factor-setup", "account/two-factor", true, FieldTheme, "phone360", 360, 740)]
    [InlineData("two-factor-setup", "account/two-factor", true, null, "desktop-dark", 1280, 800)]
    [InlineData("forgot", "account/forgot", false, null, "phone360", 360, 740)]
    [InlineData("forgot", "account/forgot", false, FieldTheme, "phone360-dark", 360, 740)]
    [InlineData("register", "account/register", false, null, "phone360", 360, 740)]
    [InlineData("register", "account/register", false, FieldTheme, "phone360", 360, 740)]
    [InlineData("admin-registration", "admin/users/registration", true, null, "phone360", 360, 740)]
    [InlineData("admin-registration", "admin/users/registration", true, null, "desktop-dark", 1280, 800)]
    public async Task Account_page_has_no_serious_or_critical_axe_violations_and_reflows(string name, string path, bool signedIn, string? theme, string size, int width, int height)
    {
        SkipWithoutChromium();
        await SetPolicyAsync(RegistrationPolicy.SelfRegistrationByDomain);
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = width, Height = height }, size.EndsWith("-dark", StringComparison.Ordinal) ? ColorScheme.Dark : ColorScheme.Light);
            if (signedIn)
            {
                await SignInAsync(page);
            }

            await GotoAsync(page, path);
            await ScreenshotAsync(page, $"axe-{name}-{theme ?? "employee"}-{size}");
            var violations = await RunAxeAsync(page);
            Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe-core violations on /{path} at {width}x{height}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"/{path} is {scrollWidth}px wide in a {width}px viewport: it scrolls sideways.");
        }
        finally
        {
            await SetSiteThemeAsync(null);
            await SetPolicyAsync(RegistrationPolicy.AdminsOnly);
        }
    }

    private async Task SetPolicyAsync(RegistrationPolicy policy)
    {
        var shell = await Fixture.Services.GetRequiredService<ShellHost>().GetOrCreateShellAsync(ShellSettings.DefaultName, CancellationToken.None);
        await shell.InScopeAsync(services => services.GetRequiredService<RegistrationService>().SaveTrustedAsync(
            new RegistrationSettings { Policy = policy, AllowedDomains = policy == RegistrationPolicy.SelfRegistrationByDomain ? ["browser.test"] : [] },
            CancellationToken.None));
    }
}
