using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The feed's enhancements in a real browser, on a 360 px phone and a desktop: attaching files in the composer,
/// suggesting people after "@", and editing, deleting and reacting to comments.
/// </summary>
public sealed partial class FeedInteractionTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = "Feed-Ui-Passw0rd";

    // A 16×12 PNG: the upload re-encodes it, so it must be a real image.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAIAAADkharWAAAAFUlEQVR4nGM4oaFBEmIY1TCqATsCALRr0gH04WUkAAAAAElFTkSuQmCC");

    private static readonly SemaphoreSlim PeopleOnce = new(1, 1);
    private static bool _peopleCreated;

    public static TheoryData<string> Viewports => new() { "phone", "desktop" };

    private static ViewportSize Size(string viewport) => viewport == "phone" ? new ViewportSize { Width = 360, Height = 740 } : Desktop;

    [SkippableTheory]
    [MemberData(nameof(Viewports))]
    public async Task The_composer_uploads_files_at_once_shows_them_lets_them_go_and_says_what_is_refused(string viewport)
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Size(viewport));
        await SignInAsync(page);
        await GotoAsync(page, "feed");

        var files = page.Locator("#Composer_Files");
        var uploads = page.Locator(".feed-uploads li");
        var error = page.Locator("#composer-files-error");

        // A refused type: the problem is shown beside the field and nothing is listed.
        await files.SetInputFilesAsync(new FilePayload { Name = "tool.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await Assertions.Expect(error).ToContainTextAsync("tool.exe");
        await Assertions.Expect(error).ToContainTextAsync("Allowed files");
        await Assertions.Expect(uploads).ToHaveCountAsync(0);

        // An image and a text file: a thumbnail for one, the name for the other, both before posting.
        await files.SetInputFilesAsync(
        [
            new FilePayload { Name = "site-photo.png", MimeType = "image/png", Buffer = Png },
            new FilePayload { Name = $"minutes-{viewport}.txt", MimeType = "text/plain", Buffer = "Minutes of the site meeting"u8.ToArray() },
        ]);
        await Assertions.Expect(page.Locator(".feed-uploads li:has(img[alt='site-photo.webp'])")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($".feed-uploads li:has-text('minutes-{viewport}.txt') input[name='Composer.Attachments']")).ToHaveCountAsync(1);
        await Assertions.Expect(error).ToBeEmptyAsync();
        Assert.Equal("", await files.InputValueAsync());

        // Removing one before posting: it goes, and the focus stays in the list.
        await page.Locator($".feed-uploads li:has-text('minutes-{viewport}.txt') button").ClickAsync();
        await Assertions.Expect(uploads).ToHaveCountAsync(1);
        await ScreenshotAsync(page, $"feed-composer-attachments-{viewport}");
        Assert.Empty(await RunAxeAsync(page));
        await AssertNoSidewaysScrollAsync(page);

        var text = $"Photo from the site ({viewport}, {Guid.NewGuid():N})";
        await page.Locator("#Composer_Body").FillAsync(text);
        await page.Locator(".feed-composer-form button[type=submit]").ClickAsync();
        var card = page.Locator("article.feed-post", new() { HasText = text });
        await Assertions.Expect(card.Locator(".feed-attachments img")).ToHaveCountAsync(1);
        Assert.Equal(0, await card.Locator($".feed-attachments a:has-text('minutes-{viewport}.txt')").CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Viewports))]
    public async Task Typing_at_and_letters_offers_people_to_choose_with_the_keyboard_and_inserts_the_mention(string viewport)
    {
        SkipWithoutChromium();
        await EnsurePeopleAsync();
        var page = await NewPageAsync(Size(viewport));
        await SignInAsync(page);
        await GotoAsync(page, "feed");

        var body = page.Locator("#Composer_Body");
        await Assertions.Expect(body).ToHaveAttributeAsync("role", "combobox");
        await Assertions.Expect(body).ToHaveAttributeAsync("aria-expanded", "false");
        await body.ClickAsync();
        await body.PressSequentiallyAsync("Thanks @ma");
        var listbox = page.Locator("#Composer_Body-people[role=listbox]");
        await Assertions.Expect(listbox).ToBeVisibleAsync();
        await Assertions.Expect(body).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(listbox.Locator("[role=option]", new() { HasText = "Mariel One" })).ToHaveCountAsync(1);
        await Assertions.Expect(listbox.Locator("[role=option]", new() { HasText = "Mariel Two" })).ToHaveCountAsync(1);

        // The first is selected; the arrow keys move the selection, which the text area announces.
        var options = listbox.Locator("[role=option]");
        await Assertions.Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await body.PressAsync("ArrowDown");
        var selected = listbox.Locator("[role=option][aria-selected=true]");
        await Assertions.Expect(selected).ToHaveCountAsync(1);
        Assert.Equal(await options.Nth(1).GetAttributeAsync("id"), await body.GetAttributeAsync("aria-activedescendant"));
        await body.PressAsync("ArrowUp");
        await Assertions.Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await body.PressAsync("ArrowDown");
        var chosen = HandlePattern().Match(await selected.InnerTextAsync()).Groups[1].Value;
        Assert.StartsWith("mariel.", chosen, StringComparison.Ordinal);
        await ScreenshotAsync(page, $"feed-mentions-{viewport}");
        Assert.Empty(await RunAxeAsync(page));

        await body.PressAsync("Enter");
        await Assertions.Expect(listbox).ToBeHiddenAsync();
        await Assertions.Expect(body).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Equal($"Thanks @{chosen} ", await body.InputValueAsync());
        Assert.Equal("#Composer_Body", await FocusedAsync(page));

        // Escape closes the suggestions without inserting anything.
        await body.PressSequentiallyAsync("and @mari");
        await Assertions.Expect(listbox).ToBeVisibleAsync();
        await body.PressAsync("Escape");
        await Assertions.Expect(listbox).ToBeHiddenAsync();
        await body.FillAsync($"Thanks @{chosen} for the help ({viewport})");

        await page.Locator(".feed-composer-form button[type=submit]").ClickAsync();
        var card = page.Locator("article.feed-post", new() { HasText = $"for the help ({viewport})" }).First;
        await Assertions.Expect(card.Locator($".post-body a[href$='/people/{chosen}']")).ToHaveCountAsync(1);
    }

    [SkippableTheory]
    [MemberData(nameof(Viewports))]
    public async Task One_s_own_comment_is_edited_reacted_to_with_who_reacted_and_deleted_from_the_post_page(string viewport)
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(Size(viewport));
        await SignInAsync(page);
        await GotoAsync(page, "feed");
        var text = $"Comments here ({viewport}, {Guid.NewGuid():N})";
        await page.Locator("#Composer_Body").FillAsync(text);
        await page.Locator(".feed-composer-form button[type=submit]").ClickAsync();
        await page.Locator("article.feed-post", new() { HasText = text }).Locator("a.feed-time").ClickAsync();
        await page.WaitForURLAsync(new Regex("/posts/\\d+$"));

        // The comment box offers people too.
        await EnsurePeopleAsync();
        var box = page.Locator("#new-comment");
        await box.ClickAsync();
        await box.PressSequentiallyAsync("@mariel");
        await Assertions.Expect(page.Locator("#new-comment-people [role=option]")).ToHaveCountAsync(2);
        await box.PressAsync("Escape");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Locator("#new-comment").FillAsync("First thought");
        await page.Locator("form:has(#new-comment) button[type=submit]").ClickAsync();
        var comment = page.Locator("article.feed-comment", new() { HasText = "First thought" });
        await Assertions.Expect(comment).ToHaveCountAsync(1);

        // React to the comment: the button is pressed, its count is 1, and "who reacted" names the person.
        var celebrate = comment.Locator(".feed-comment-reactions button[value='celebrate']");
        await celebrate.ClickAsync();
        comment = page.Locator("article.feed-comment", new() { HasText = "First thought" });
        celebrate = comment.Locator(".feed-comment-reactions button[value='celebrate']");
        await Assertions.Expect(celebrate).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(celebrate.Locator(".feed-count")).ToHaveTextAsync("1");
        await comment.Locator(".feed-reactors summary").ClickAsync();
        await Assertions.Expect(comment.Locator(".feed-reactors li")).ToContainTextAsync(BrowserFixture.AdminUserName, new() { IgnoreCase = true });
        await celebrate.ClickAsync();
        comment = page.Locator("article.feed-comment", new() { HasText = "First thought" });
        await Assertions.Expect(comment.Locator(".feed-comment-reactions button[value='celebrate']")).ToHaveAttributeAsync("aria-pressed", "false");

        // Edit it in place.
        await comment.Locator(".feed-comment-edit summary").ClickAsync();
        var editor = comment.Locator(".feed-comment-edit textarea");
        await Assertions.Expect(editor).ToHaveValueAsync("First thought");
        await editor.FillAsync("Second thought, **bold**");
        await comment.Locator(".feed-comment-edit button[type=submit]").ClickAsync();
        comment = page.Locator("article.feed-comment", new() { HasText = "Second thought" });
        await Assertions.Expect(comment.Locator(".comment-body strong")).ToHaveTextAsync("bold");
        await Assertions.Expect(comment.Locator(".feed-comment-header")).ToContainTextAsync("(edited)");
        await ScreenshotAsync(page, $"feed-comment-{viewport}");
        Assert.Empty(await RunAxeAsync(page));
        await AssertNoSidewaysScrollAsync(page);

        // Delete it, after confirming.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await comment.Locator("form[action$='/delete'] button").ClickAsync();
        await Assertions.Expect(page.Locator("article.feed-comment", new() { HasText = "Second thought" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article.feed-comment .hint", new() { HasText = "Comment deleted." })).ToHaveCountAsync(1);
    }

    [SkippableTheory]
    [InlineData("phone", "employee", "en-GB")]
    [InlineData("desktop", "employee", "fr-FR")]
    [InlineData("phone", "field", "fr-FR")]
    [InlineData("desktop", "field", "en-GB")]
    public async Task The_post_page_with_comments_and_the_tag_curation_page_reflow_in_each_theme_and_language(string viewport, string theme, string locale)
    {
        SkipWithoutChromium();
        await SetSiteThemeAsync(theme == "field" ? FieldTheme : null);
        try
        {
            var page = await NewPageAsync(Size(viewport), locale: locale);
            await SignInAsync(page);
            await GotoAsync(page, "feed");
            var text = $"Layout check #layout ({theme}, {viewport}, {Guid.NewGuid():N})";
            await page.Locator("#Composer_Body").FillAsync(text);
            await page.Locator(".feed-composer-form button[type=submit]").ClickAsync();
            await page.Locator("article.feed-post", new() { HasText = text }).Locator("a.feed-time").ClickAsync();
            await page.WaitForURLAsync(new Regex("/posts/\\d+$"));
            await page.Locator("#new-comment").FillAsync("A comment with a long unbreakable word: Donaudampfschifffahrtsgesellschaftskapitänsmütze");
            await page.Locator("form:has(#new-comment) button[type=submit]").ClickAsync();
            await page.Locator(".feed-comment-reactions button").First.ClickAsync();
            await page.Locator(".feed-comment-edit summary").First.ClickAsync();
            await page.Locator(".feed-relay summary").ClickAsync();
            await ScreenshotAsync(page, $"feed-post-{theme}-{locale}-{viewport}");
            Assert.Empty(await RunAxeAsync(page));
            await AssertNoSidewaysScrollAsync(page);

            await GotoAsync(page, "admin/feed/tags");
            var suggestion = page.Locator(".feed-tag-suggestions li", new() { HasText = "#layout" });
            if (await suggestion.CountAsync() > 0)
            {
                await suggestion.Locator("button").ClickAsync();
            }

            await Assertions.Expect(page.Locator("#tag-layout")).ToHaveCountAsync(1);
            await ScreenshotAsync(page, $"feed-admin-tags-{theme}-{locale}-{viewport}");
            Assert.Empty(await RunAxeAsync(page));
            await AssertNoSidewaysScrollAsync(page);
            Assert.Equal(locale.StartsWith("fr", StringComparison.Ordinal) ? "fr" : "en", await page.Locator("html").GetAttributeAsync("lang"));
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px.");
    }

    /// <summary>Two people whose names start alike, created once through the people API (which indexes their names).</summary>
    private async Task EnsurePeopleAsync()
    {
        await PeopleOnce.WaitAsync();
        try
        {
            if (_peopleCreated)
            {
                return;
            }

            using var client = await ApiClientAsync();
            foreach (var (userName, displayName) in new[] { ("mariel.one", "Mariel One"), ("mariel.two", "Mariel Two") })
            {
                var created = await client.PostAsJsonAsync("api/v1/users", new { userName, email = $"{userName}@browser.test", displayName, password = Password, roles = new[] { "Employee" } });
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            _peopleCreated = true;
        }
        finally
        {
            PeopleOnce.Release();
        }
    }

    [GeneratedRegex(@"@([A-Za-z0-9._-]+)")]
    private static partial Regex HandlePattern();
}
