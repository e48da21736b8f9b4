using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>A person creates a group, opens its Posts tab, posts there with the composer and sees the post in the tab.</summary>
public sealed class GroupPostsTabBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableFact]
    public async Task Posting_from_the_group_page_shows_the_post_in_its_posts_tab_on_a_phone()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(new ViewportSize { Width = 360, Height = 740 });
        await SignInAsync(page);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = $"Browser posts {suffix}";

        await GotoAsync(page, "groups/new");
        await page.GetByLabel("Name").FillAsync(name);
        await page.Locator("form[action$='groups/new'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".group-header h1")).ToHaveTextAsync(name);

        await page.Locator(".group-tabs a[href$='/posts']").ClickAsync();
        await Assertions.Expect(page.Locator(".group-tabs a[aria-current=page]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/posts$"));
        var text = $"Hello from the group page {suffix}";
        await page.GetByLabel("What do you want to share?").FillAsync(text);
        await page.Locator("form[action$='/posts'] button[type=submit]").ClickAsync();

        var card = page.Locator("article.feed-post", new() { HasText = text });
        await Assertions.Expect(card).ToBeVisibleAsync();
        Assert.EndsWith("/posts", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await ScreenshotAsync(page, "group-posts-tab-phone360");

        var violations = await RunAxeAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The Posts tab is {scrollWidth}px wide in a 360px viewport.");
    }
}
