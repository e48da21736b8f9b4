using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

public sealed class HomePageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableTheory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task Anonymous_home_shows_the_organisation_and_sign_in_without_horizontal_overflow(string size, int width, int height)
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(new ViewportSize { Width = width, Height = height });
        await GotoAsync(page, "");

        // Screenshots of an unstyled page would pass every other check here.
        var cssRules = await page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)");
        Assert.True(cssRules > 0, "The theme's stylesheet did not load.");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = BrowserFixture.SiteName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header .brand")).ToHaveTextAsync(BrowserFixture.SiteName);
        var signIn = page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Filter(new() { Visible = true });
        Assert.True(await signIn.CountAsync() > 0, "No visible \"Sign in\" link.");
        foreach (var link in await signIn.AllAsync())
        {
            Assert.Equal("/account/signin", new Uri(Fixture.BaseAddress, await link.GetAttributeAsync("href")).AbsolutePath);
        }

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide in a {width}px viewport: it scrolls sideways.");

        await ScreenshotAsync(page, $"home-anonymous-{size}");
    }
}
