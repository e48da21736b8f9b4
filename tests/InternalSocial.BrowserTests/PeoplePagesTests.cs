using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>The people pages: no serious axe-core violation, and no sideways scrolling down to a 360 px phone.</summary>
public sealed class PeoplePagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableTheory]
    [InlineData("people-directory", "people?q=adm", 1280)]
    [InlineData("people-directory", "people?q=adm", 360)]
    [InlineData("people-profile", "people/admin", 1280)]
    [InlineData("people-profile", "people/admin", 360)]
    [InlineData("people-team", "people/admin/team", 360)]
    [InlineData("people-my-profile", "account/profile", 1280)]
    [InlineData("people-my-profile", "account/profile", 360)]
    [InlineData("people-import", "admin/users/import", 360)]
    public async Task People_page_is_accessible_and_reflows(string name, string path, int width)
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(new ViewportSize { Width = width, Height = 800 });
        await SignInAsync(page);
        await GotoAsync(page, path);
        await ScreenshotAsync(page, $"{name}-{width}");
        var violations = await RunAxeAsync(page);
        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe-core violations on /{path} at {width}px:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"/{path} is {scrollWidth}px wide in a {width}px viewport: it scrolls sideways.");
    }
}
