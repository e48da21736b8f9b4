using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// Polls where employees meet them, at 360 px in both site themes: a post with a poll written with the keyboard alone
/// from the feed's composer, then answered from the post's card (the reader comes back to the card, not to the top of
/// the feed), and a group's Polls tab with its form and the same cards, voted from the tab. Every page passes axe-core and does not scroll sideways; the
/// screenshots go to docs/screenshots as feed-post-poll-* and group-polls-* when asked for.
/// </summary>
public sealed class PollsInPostsAndGroupsBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableTheory]
    [InlineData(null)]
    [InlineData(FieldTheme)]
    public async Task A_post_with_a_poll_is_written_with_the_keyboard_and_answered_from_its_card_at_360_px(string? theme)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewCheckedPageAsync(360, height: 740);
            await SignInAsync(page);
            await GotoAsync(page, "feed");
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var text = $"Team lunch on Friday {suffix}";

            // The keyboard alone from the composer's text: Tab to "Add a poll", Enter opens it, Tab through its fields.
            await page.GetByLabel("What do you want to share?").FocusAsync();
            await page.Keyboard.TypeAsync(text);
            await TabUntilAsync(page, focused => focused == "summary:Add a poll");
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("Where shall we eat?");
            await page.Keyboard.PressAsync("Tab");
            foreach (var (option, i) in new[] { "The pizzeria", "The sushi bar", "The canteen" }.Select((o, i) => (o, i)))
            {
                await page.Keyboard.TypeAsync(option);
                if (i < 2)
                {
                    await page.Keyboard.PressAsync("Enter");
                }
            }

            await Assertions.Expect(page.GetByLabel("Options, one per line (2 to 10)")).ToBeFocusedAsync();
            await ScreenshotAsync(page, $"feed-post-poll-{name}-phone-composer");
            await AssertAccessibleAndReflowsAsync(page, 360);
            await TabUntilAsync(page, focused => focused == "button:Publish");
            await page.Keyboard.PressAsync("Enter");

            var card = page.Locator("article.feed-post", new() { HasText = text });
            var poll = card.Locator(".poll-card");
            await Assertions.Expect(poll.Locator(".poll-card-question")).ToContainTextAsync("Where shall we eat?");

            // From the card: the first option, an arrow to the second, Tab to "Vote", Enter.
            await poll.GetByLabel("The pizzeria").FocusAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(poll.GetByLabel("The sushi bar")).ToBeCheckedAsync();
            await TabUntilAsync(page, focused => focused == "button:Vote");
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForURLAsync(url => new Uri(url).Fragment.StartsWith("#poll-card-", StringComparison.Ordinal));
            var anchor = new Uri(page.Url).Fragment;
            Assert.StartsWith("/feed", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            var answered = page.Locator(anchor);
            await Assertions.Expect(answered.Locator(".poll-participants")).ToHaveTextAsync("1 person answered");
            await Assertions.Expect(answered.Locator(".poll-bar.mine")).ToContainTextAsync("The sushi bar");
            await Assertions.Expect(answered.GetByRole(AriaRole.Button, new() { Name = "Change my vote" })).ToBeVisibleAsync();
            Assert.True(await answered.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; }"), "The card is out of sight after voting.");
            // From the top, the sticky bars stay where they belong in a full-page shot.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await ScreenshotAsync(page, $"feed-post-poll-{name}-phone-card");
            await AssertAccessibleAndReflowsAsync(page, 360);
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    [SkippableTheory]
    [InlineData(null, "en-GB")]
    [InlineData(FieldTheme, "fr-FR")]
    public async Task A_group_s_polls_tab_creates_a_poll_at_360_px(string? theme, string locale)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        var french = locale == "fr-FR";
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewCheckedPageAsync(360, locale, height: 740);
            await SignInAsync(page);
            var group = $"Polls tab {Guid.NewGuid().ToString("N")[..6]}";
            await GotoAsync(page, "groups/new");
            await page.Locator("#Name").FillAsync(group);
            await page.Locator("form[action$='groups/new'] button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".group-header h1")).ToHaveTextAsync(group);
            await page.Locator(".group-tabs a[href$='/polls']").ClickAsync();

            await page.Locator(".group-poll-new summary").ClickAsync();
            await page.Locator(".group-poll-new input[id$='question']").FillAsync(french ? "Quelle date pour la réunion ?" : "Which date for the meeting?");
            await page.Locator(".group-poll-new textarea[id$='options']").FillAsync("Monday\nTuesday\nThursday");
            await AssertAccessibleAndReflowsAsync(page, 360);
            await page.Locator(".group-poll-new button[type=submit]").ClickAsync();

            var card = page.Locator(".group-polls .poll-card");
            await Assertions.Expect(card).ToContainTextAsync(french ? "Quelle date pour la réunion ?" : "Which date for the meeting?");

            // Members vote from the tab and come back to the card.
            await card.GetByLabel("Tuesday").CheckAsync();
            await card.Locator("form.poll-vote button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".group-polls .poll-card .poll-participants")).ToHaveTextAsync(french ? "1 personne a répondu" : "1 person answered");
            Assert.EndsWith("/polls", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await ScreenshotAsync(page, $"group-polls-{name}-{(french ? "fr" : "en")}-phone");
            await AssertAccessibleAndReflowsAsync(page, 360);
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    /// <summary>Presses Tab until the focused element matches (at most 40 times), so that the test says where focus went instead.</summary>
    private static async Task TabUntilAsync(IPage page, Func<string, bool> wanted)
    {
        var seen = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            seen.Add(focused);
            if (wanted(focused))
            {
                return;
            }
        }

        Assert.Fail("Tab never reached the element; focus went through: " + string.Join(" | ", seen));
    }
}
