using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The newsletter's pages in a real browser: a director composes an edition with the form on a 360 px phone, and the
/// list, form, edition (draft and sent, with its counts) and preview pages pass axe-core and do not scroll sideways;
/// the unsubscribe page does too, in both site themes.
/// </summary>
public sealed class NewsletterPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableFact]
    public async Task A_director_composes_an_edition_with_the_form_on_a_360_px_phone()
    {
        SkipWithoutChromium();
        using var admin = await ApiClientAsync();
        var post = await JsonAsync(await admin.PostAsJsonAsync("api/v1/posts", new { body = "Newsletter browser test: the new intranet is live" }));
        var page = await NewCheckedPageAsync(360);
        await SignInAsync(page);
        await GotoAsync(page, "admin/newsletter/new");
        await page.GetByLabel("Title").FillAsync("Phone edition");
        await page.GetByLabel("Introduction (Markdown)").FillAsync("Hello from a *phone*");
        await page.Locator("#Blocks_0__Post").FillAsync(post.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Blocks_1__Text").FillAsync("A word from the team.");
        await ScreenshotAsync(page, "newsletter-form-360");
        await AssertAccessibleAndReflowsAsync(page, 360);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Draft saved.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Phone edition");
        await AssertAccessibleAndReflowsAsync(page, 360);

        await page.GetByRole(AriaRole.Link, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("pre.newsletter-text")).ToContainTextAsync("the new intranet is live");
        await ScreenshotAsync(page, "newsletter-preview-360");
        await AssertAccessibleAndReflowsAsync(page, 360);
    }

    [SkippableTheory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_newsletter_pages_are_accessible_and_reflow(int width)
    {
        SkipWithoutChromium();
        using var admin = await ApiClientAsync();
        var post = await JsonAsync(await admin.PostAsJsonAsync("api/v1/posts", new { body = "Read https://example.org/a-rather-long-address/that-could-push-the-page-sideways-on-a-phone before Friday" }));
        var draft = await JsonAsync(await admin.PostAsJsonAsync("api/v1/newsletter/editions", new { title = "Draft at " + width, blocks = new object[] { new { postId = post.GetProperty("id").GetInt64() } }, audience = new { everyone = true } }));
        var sent = await JsonAsync(await admin.PostAsJsonAsync("api/v1/newsletter/editions", new { title = "Sent at " + width, intro = "All the news", blocks = new object[] { new { postId = post.GetProperty("id").GetInt64() }, new { text = "See you soon." } }, audience = new { everyone = true } }));
        var sentId = sent.GetProperty("id").GetInt64();
        await JsonAsync(await admin.PostAsync($"api/v1/newsletter/editions/{sentId}/send", null));

        var page = await NewCheckedPageAsync(width);
        await SignInAsync(page);
        foreach (var (name, path) in new[]
        {
            ("list", "admin/newsletter"),
            ("form", "admin/newsletter/new"),
            ("draft", $"admin/newsletter/{draft.GetProperty("id").GetInt64()}"),
            ("edit", $"admin/newsletter/{draft.GetProperty("id").GetInt64()}/edit"),
            ("sent", $"admin/newsletter/{sentId}"),
            ("preview", $"admin/newsletter/{sentId}/preview?culture=fr"),
        })
        {
            await GotoAsync(page, path);
            await ScreenshotAsync(page, $"newsletter-{name}-{width}");
            await AssertAccessibleAndReflowsAsync(page, width);
        }

        await GotoAsync(page, $"admin/newsletter/{sentId}");
        await Assertions.Expect(page.Locator(".newsletter-stats")).ToContainTextAsync("Unique opens");
    }

    [SkippableFact]
    public async Task The_unsubscribe_page_is_accessible_in_both_site_themes()
    {
        SkipWithoutChromium();
        try
        {
            foreach (var theme in new[] { null, FieldTheme })
            {
                await SetSiteThemeAsync(theme);
                var page = await NewCheckedPageAsync(360);
                await GotoAsync(page, "newsletter/unsubscribe?token=x");
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop the newsletter" })).ToBeVisibleAsync();
                await ScreenshotAsync(page, $"newsletter-unsubscribe-{(theme is null ? "employee" : "field")}-360");
                await AssertAccessibleAndReflowsAsync(page, 360);
            }
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }
}
