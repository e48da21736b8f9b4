using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The single sign-on settings page and the sign-in page's "Sign in with …" button: filled and corrected in the browser,
/// accessible (axe), readable on a 360 px phone without sideways scrolling, in both site themes.
/// </summary>
public sealed class SingleSignOnPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Feature = "InternalSocial.Users.OpenIdConnect";

    private static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 740 };

    [SkippableFact]
    public async Task The_settings_page_names_bad_fields_then_the_sign_in_page_shows_the_button_on_a_phone_in_both_themes()
    {
        SkipWithoutChromium();
        var features = Fixture.Services.GetRequiredService<FeatureManager>();
        await features.EnableAsync(ShellSettings.DefaultName, [Feature], CancellationToken.None);
        try
        {
            var admin = await NewPageAsync(SmallPhone);
            await SignInAsync(admin);
            await GotoAsync(admin, "admin/users/openid-connect");
            await admin.GetByLabel("Provider's name (on the button: Sign in with …)").FillAsync("Contoso ID");
            await admin.GetByLabel("Authority (issuer address)").FillAsync("http://login.contoso.test");
            await admin.GetByLabel("Client id").FillAsync("");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(admin.Locator("[data-valmsg-for=Authority]")).ToContainTextAsync("https");
            await Assertions.Expect(admin.Locator("[data-valmsg-for=ClientId]")).ToContainTextAsync("client id");
            Assert.Empty(await RunAxeAsync(admin));
            await AssertNoSidewaysScrollAsync(admin);
            await ScreenshotAsync(admin, "sso-settings-errors-phone");

            await admin.GetByLabel("Authority (issuer address)").FillAsync("https://login.contoso.test/realms/staff");
            await admin.GetByLabel("Client id").FillAsync("internalsocial");
            await admin.GetByLabel("Client secret").FillAsync("a-secret-never-shown-again");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(admin.GetByText("Single sign-on settings saved.")).ToBeVisibleAsync();
            await Assertions.Expect(admin.GetByText("A secret is stored. Leave empty to keep it.")).ToBeVisibleAsync();
            Assert.DoesNotContain("a-secret-never-shown-again", await admin.ContentAsync(), StringComparison.Ordinal);

            foreach (var theme in new string?[] { null, FieldTheme })
            {
                await SetSiteThemeAsync(theme);
                var visitor = await NewPageAsync(SmallPhone);
                await GotoAsync(visitor, "account/signin");
                var button = visitor.GetByRole(AriaRole.Button, new() { Name = "Sign in with Contoso ID", Exact = true });
                await Assertions.Expect(button).ToBeVisibleAsync();
                Assert.Empty(await RunAxeAsync(visitor));
                await AssertNoSidewaysScrollAsync(visitor);
                await ScreenshotAsync(visitor, $"sso-sign-in-phone-{theme ?? "employee"}");
            }
        }
        finally
        {
            await SetSiteThemeAsync(null);
            await features.DisableAsync(ShellSettings.DefaultName, [Feature], CancellationToken.None);
        }
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"{page.Url} scrolls sideways.");
}
