using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

public sealed class FeatureToggleTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string QuickLinks = "InternalSocial.QuickLinks";

    [SkippableFact]
    public async Task Quick_links_turned_off_then_on_in_the_features_page_leaves_then_rejoins_the_main_menu()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Desktop);
        await SignInAsync(page);
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Links", Exact = true });
        try
        {
            await GotoAsync(page, "");
            await Assertions.Expect(links).ToHaveCountAsync(1);

            await GotoAsync(page, "admin/features");
            await page.GetByRole(AriaRole.Button, new() { Name = "Disable Quick links", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Features disabled: Quick links.");
            Assert.Equal("/admin/features", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable Quick links", Exact = true })).ToBeVisibleAsync();
            await ScreenshotAsync(page, "features-quick-links-off");

            await GotoAsync(page, "");
            await Assertions.Expect(links).ToHaveCountAsync(0);
            await GotoAsync(page, "links", expectedStatus: 404);

            await GotoAsync(page, "admin/features");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enable Quick links", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Features enabled: Quick links.");
            Assert.Equal("/admin/features", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disable Quick links", Exact = true })).ToBeVisibleAsync();

            await GotoAsync(page, "");
            await Assertions.Expect(links).ToHaveCountAsync(1);
            await links.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "links").ToString());
            await ScreenshotAsync(page, "home-quick-links-back");
        }
        finally
        {
            // The other tests of the collection expect the recipe's features; a failure half-way must not leave Quick links off.
            await Fixture.Services.GetRequiredService<FeatureManager>().EnableAsync(ShellSettings.DefaultName, [QuickLinks], CancellationToken.None);
        }
    }
}
