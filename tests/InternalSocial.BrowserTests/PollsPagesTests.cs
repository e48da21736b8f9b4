using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The polls' pages in a real browser, at 360 px in both site themes: a poll is created with the form (an option row
/// added by the script), answered with the keyboard alone, and its results are shown as bars with their counts, drawn
/// as a chart, and updated live when someone else votes. Every page passes axe-core and does not scroll sideways; the
/// screenshots of the list, the poll with its results and the form go to docs/screenshots when asked for.
/// </summary>
public sealed class PollsPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string VoterPassword = "Br0wser-Voter";
    private static readonly SemaphoreSlim VoterOnce = new(1, 1);
    private static bool _voterCreated;

    [SkippableTheory]
    [InlineData(null)]
    [InlineData(FieldTheme)]
    public async Task A_poll_is_created_answered_with_the_keyboard_and_its_counts_follow_live_at_360_px(string? theme)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        await EnsureVoterAsync();
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewCheckedPageAsync(360, height: 740);
            await SignInAsync(page);
            await GotoAsync(page, "polls/new");
            var question = $"Where shall we hold the {name} summer party?";
            await page.GetByLabel("Question").FillAsync(question);
            await page.GetByLabel("Option 1", new() { Exact = true }).FillAsync("By the lake");
            await page.GetByLabel("Option 2", new() { Exact = true }).FillAsync("In the garden of the head office");
            await page.GetByLabel("Option 3", new() { Exact = true }).FillAsync("At the bowling alley");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add an option" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Option 5", new() { Exact = true })).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("Rooftop terrace");
            await AssertAccessibleAndReflowsAsync(page, 360);
            await page.GetByRole(AriaRole.Button, new() { Name = "Open the poll" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(question);
            await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Your poll is open.");
            var pollId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

            // The keyboard alone: skip to the content, Tab to the options, arrow to the second, Tab to "Vote", Enter.
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await TabUntilAsync(page, focused => focused.Contains("-option-", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(page.GetByLabel("In the garden of the head office")).ToBeCheckedAsync();
            await TabUntilAsync(page, focused => focused == "button:Vote");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Your vote is counted.");
            await Assertions.Expect(page.Locator(".poll-participants")).ToHaveTextAsync("1 person answered");
            await Assertions.Expect(page.Locator(".poll-chart canvas")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".poll[data-poll-connected=true]")).ToHaveCountAsync(1);

            // Someone else votes: the counts change on the page without a reload.
            using var voter = await ApiClientAsync("poll.voter", VoterPassword);
            var poll = await JsonAsync(await voter.GetAsync($"api/v1/polls/{pollId}"));
            var third = poll.GetProperty("options")[2].GetProperty("id").GetInt64();
            await JsonAsync(await voter.PostAsJsonAsync($"api/v1/polls/{pollId}/votes", new { choices = new[] { third } }));
            await Assertions.Expect(page.Locator(".poll-participants")).ToHaveTextAsync("2 people answered");
            await Assertions.Expect(page.Locator($"[data-option-id='{third}'] [data-poll-percent]")).ToHaveTextAsync("50%");
            // Keyboard focus scrolled the page; from the top, the sticky header stays where it belongs in a full-page shot.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await ScreenshotAsync(page, $"{name}-en-phone-poll");
            await AssertAccessibleAndReflowsAsync(page, 360);

            await GotoAsync(page, "polls");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = question })).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"{name}-en-phone-polls");
            await AssertAccessibleAndReflowsAsync(page, 360);
            await GotoAsync(page, "polls/new");
            await ScreenshotAsync(page, $"{name}-en-phone-poll-new");
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    [SkippableFact]
    public async Task The_polls_pages_on_a_desktop_in_french_are_accessible()
    {
        SkipWithoutChromium();
        await EnsureVoterAsync();
        using var admin = await ApiClientAsync();
        var created = await JsonAsync(await admin.PostAsJsonAsync("api/v1/polls", new
        {
            question = "Quel jour pour le séminaire de printemps ?",
            options = new[] { "Mardi", "Jeudi", "Vendredi" },
            anonymous = true,
            resultsVisibility = "always",
        }));
        var id = created.GetProperty("id").GetInt64();
        using var voter = await ApiClientAsync("poll.voter", VoterPassword);
        var options = (await JsonAsync(await voter.GetAsync($"api/v1/polls/{id}"))).GetProperty("options");
        await JsonAsync(await voter.PostAsJsonAsync($"api/v1/polls/{id}/votes", new { choices = new[] { options[1].GetProperty("id").GetInt64() } }));

        var page = await NewCheckedPageAsync(1280, "fr-FR");
        await SignInAsync(page);
        await GotoAsync(page, $"polls/{id}");
        await Assertions.Expect(page.Locator(".poll-final")).ToContainTextAsync("Votre vote est définitif");
        await Assertions.Expect(page.Locator(".poll-participants")).ToHaveTextAsync("1 personne a répondu");
        await Assertions.Expect(page.Locator(".poll-chart canvas")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "employee-fr-desktop-poll");
        await AssertAccessibleAndReflowsAsync(page, 1280);
        foreach (var (path, shot) in new[] { ("polls", "employee-fr-desktop-polls"), ("polls/new", "employee-fr-desktop-poll-new") })
        {
            await GotoAsync(page, path);
            await ScreenshotAsync(page, shot);
            await AssertAccessibleAndReflowsAsync(page, 1280);
        }
    }

    /// <summary>Presses Tab until the focused element matches (at most 25 times), so that the test says where focus went instead.</summary>
    private async Task TabUntilAsync(IPage page, Func<string, bool> wanted)
    {
        var seen = new List<string>();
        for (var i = 0; i < 25; i++)
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

    private async Task EnsureVoterAsync()
    {
        await VoterOnce.WaitAsync();
        try
        {
            if (!_voterCreated)
            {
                using var admin = await ApiClientAsync();
                var created = await admin.PostAsJsonAsync("api/v1/users", new { userName = "poll.voter", email = "poll.voter@browser.test", displayName = "Poll Voter", password = VoterPassword, roles = new[] { "Employee" } });
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
                _voterCreated = true;
            }
        }
        finally
        {
            VoterOnce.Release();
        }
    }
}
