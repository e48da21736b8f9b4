using System.Net.Http.Json;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// A quiz taken with the keyboard alone at 360 px in both site themes: the answers, the score, right and wrong with the
/// explanations; the author's results on a desktop in French. Every page passes axe-core and does not scroll sideways;
/// the screenshots go to docs/screenshots (quiz-*) when asked for.
/// </summary>
public sealed class QuizPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableTheory]
    [InlineData(null)]
    [InlineData(FieldTheme)]
    public async Task A_quiz_is_taken_with_the_keyboard_and_shows_the_score_and_explanations_at_360_px(string? theme)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        var id = await CreateQuizAsync($"Warehouse safety ({name})");
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewCheckedPageAsync(360, height: 740);
            await SignInAsync(page);
            await GotoAsync(page, $"quizzes/{id}");
            await AssertAccessibleAndReflowsAsync(page, 360);
            await ScreenshotAsync(page, $"quiz-{name}-en-phone-form");

            // The keyboard alone: Tab to the first question's options, arrow to the second; Tab to the next question,
            // Space ticks Helmet, Tab and Space tick Gloves; Tab to "Submit my answers", Enter.
            await TabUntilAsync(page, focused => focused.StartsWith("#quiz-option-", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(page.GetByLabel("Exit B")).ToBeCheckedAsync();
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.GetByLabel("Gloves")).ToBeCheckedAsync();
            await TabUntilAsync(page, focused => focused == "button:Submit my answers");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("You passed: 2 out of 2.");
            await Assertions.Expect(page.Locator("#outcome-title")).ToHaveTextAsync("Your score: 2 out of 2 (100%)");
            await Assertions.Expect(page.Locator(".quiz-explanation").First).ToHaveTextAsync("Exit B is the nearest.");
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await ScreenshotAsync(page, $"quiz-{name}-en-phone-score");
            await AssertAccessibleAndReflowsAsync(page, 360);
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData(FieldTheme)]
    public async Task A_quiz_in_a_post_is_opened_from_its_card_with_the_keyboard_at_360_px(string? theme)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        var body = $"Safety week, take the quiz ({name}) {Guid.NewGuid():N}"[..48];
        long postId;
        using (var admin = await ApiClientAsync())
        {
            postId = (await JsonAsync(await admin.PostAsJsonAsync("api/v1/posts", new { body }))).GetProperty("id").GetInt64();
        }

        var id = await CreateQuizAsync($"Loading bay ({name})", postId);
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewCheckedPageAsync(360, height: 740);
            await SignInAsync(page);
            await GotoAsync(page, "feed");
            var card = page.Locator($"#quiz-card-{id}");
            await Assertions.Expect(card).ToContainTextAsync($"Loading bay ({name})");
            await card.ScrollIntoViewIfNeededAsync();
            await AssertAccessibleAndReflowsAsync(page, 360);
            await ScreenshotAsync(page, $"feed-post-quiz-{name}-phone-card");

            await card.GetByRole(AriaRole.Link, new() { Name = "Take the quiz" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#quiz-title")).ToHaveTextAsync($"Loading bay ({name})");
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    [SkippableFact]
    public async Task The_quiz_pages_on_a_desktop_in_french_are_accessible()
    {
        SkipWithoutChromium();
        var id = await CreateQuizAsync("Sécurité de l'entrepôt");
        var page = await NewCheckedPageAsync(1280, "fr-FR");
        await SignInAsync(page);
        foreach (var (path, shot) in new[] { ($"quizzes/{id}", "quiz-employee-fr-desktop-form"), ($"quizzes/{id}/results", "quiz-employee-fr-desktop-results"), ("quizzes/new", "quiz-employee-fr-desktop-new"), ("quizzes", "quiz-employee-fr-desktop-list") })
        {
            await GotoAsync(page, path);
            await ScreenshotAsync(page, shot);
            await AssertAccessibleAndReflowsAsync(page, 1280);
        }
    }

    private async Task<long> CreateQuizAsync(string title, long? postId = null)
    {
        using var admin = await ApiClientAsync();
        var created = await JsonAsync(await admin.PostAsJsonAsync("api/v1/quizzes", new
        {
            title,
            questions = new object[]
            {
                new { text = "Which exit is nearest to the loading bay?", explanation = "Exit B is the nearest.", options = new object[] { new { text = "Exit A" }, new { text = "Exit B", correct = true } } },
                new { text = "What do you wear on the floor?", multiple = true, explanation = "Both protect you.", options = new object[] { new { text = "Helmet", correct = true }, new { text = "Gloves", correct = true }, new { text = "Sandals" } } },
            },
            leaderboard = true,
            postId,
        }));
        return created.GetProperty("id").GetInt64();
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
}
