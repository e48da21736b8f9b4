using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>The administration theme by keyboard: skip links to the content and to the menu, visible focus, the current page.</summary>
public sealed class AdminThemeTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableFact]
    public async Task Skip_links_lead_to_the_content_and_to_the_menu_whose_current_page_is_marked()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Desktop);
        await SignInAsync(page);
        await GotoAsync(page, "admin/features");
        await Assertions.Expect(page.Locator("link[href*='Themes.Admin/admin.css']")).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var toMenu = page.GetByRole(AriaRole.Link, new() { Name = "Skip to the menu", Exact = true });
        await Assertions.Expect(toMenu).ToBeFocusedAsync();
        var box = await toMenu.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, "The focused skip link is off-screen.");
        await ScreenshotAsync(page, "admin-theme-skip-link-focused");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#admin-menu")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var first = page.Locator("#admin-menu a").First;
        await Assertions.Expect(first).ToBeFocusedAsync();
        // Focus is visible: an outline of at least 2 px.
        var outline = await first.EvaluateAsync<string>("e => getComputedStyle(e).outlineWidth");
        Assert.True(double.Parse(outline.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 2, $"Focus outline is {outline}.");

        await Assertions.Expect(page.Locator("#admin-menu a[aria-current=page]")).ToHaveTextAsync("Features");
    }
}
