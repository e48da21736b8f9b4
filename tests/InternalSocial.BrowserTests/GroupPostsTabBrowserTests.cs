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

        await CreateGroupAsync(page, name);

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

    /// <summary>The Posts tab (with its composer) and the invitations page, in both site themes, light and dark, at 360 px.</summary>
    [SkippableTheory]
    [InlineData(null, "light")]
    [InlineData(FieldTheme, "light")]
    [InlineData(FieldTheme, "dark")]
    public async Task The_posts_tab_and_my_invitations_have_no_serious_axe_violations_in_either_theme(string? theme, string scheme)
    {
        SkipWithoutChromium();
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = 360, Height = 740 }, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
            await SignInAsync(page);
            await CreateGroupAsync(page, $"Axe posts {Guid.NewGuid().ToString("N")[..6]}");
            await page.Locator(".group-tabs a[href$='/posts']").ClickAsync();
            await Assertions.Expect(page.GetByLabel("What do you want to share?")).ToBeVisibleAsync();
            foreach (var (name, path) in new[] { ("posts", (string?)null), ("invitations", "groups/invitations") })
            {
                if (path is not null)
                {
                    await GotoAsync(page, path);
                }

                await ScreenshotAsync(page, $"axe-group-{name}-{theme ?? "employee"}-{scheme}-360");
                var violations = await RunAxeAsync(page);
                Assert.True(violations.Count == 0, $"{name}: {string.Join(Environment.NewLine, violations)}");
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= 360, $"{name} is {scrollWidth}px wide in a 360px viewport.");
            }
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    private static async Task CreateGroupAsync(IPage page, string name)
    {
        await GotoAsync(page, "groups/new");
        await page.GetByLabel("Name").FillAsync(name);
        await page.Locator("form[action$='groups/new'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".group-header h1")).ToHaveTextAsync(name);
    }
}
