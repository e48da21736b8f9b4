using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The survey pages in a real browser. A three-page survey is answered with the keyboard alone at 360 px in both site
/// themes: a question appears when the answer it depends on is given, ratings and the NPS are big radio buttons, the
/// matrix stacks its rows, back and next keep the answers, and the thank-you shows the results. The list, the results
/// and the form also pass axe-core without sideways scrolling; the screenshots go to docs/screenshots as survey-*.
/// </summary>
public sealed class SurveyPagesBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [SkippableTheory]
    [InlineData(null)]
    [InlineData(FieldTheme)]
    public async Task A_three_page_survey_with_a_condition_is_answered_with_the_keyboard_at_360_px(string? theme)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        var survey = await CreateSurveyAsync($"Workplace survey ({name})");
        var (id, questions) = (survey.GetProperty("id").GetInt64(), survey.GetProperty("questions"));
        string Question(int i) => $"#q{questions[i].GetProperty("id").GetInt64()}";
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewCheckedPageAsync(360, height: 740);
            await SignInAsync(page);
            await GotoAsync(page, "surveys");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Workplace survey ({name})" }).First).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"survey-{name}-en-phone-list");
            await AssertAccessibleAndReflowsAsync(page, 360);

            await GotoAsync(page, $"surveys/{id}");
            await Assertions.Expect(page.Locator(".survey-progress")).ToContainTextAsync("Page 1 of 3");
            await Assertions.Expect(page.Locator(".survey-anonymity")).ToContainTextAsync("nobody, not even administrators, can see what you answered");
            var why = page.Locator($"{Question(1)}-question");
            await Assertions.Expect(why).ToBeHiddenAsync();

            // Page 1: Tab to the first option, Space chooses "Yes", and the question that depends on it appears.
            await page.Locator(".poll-back a").FocusAsync();
            await TabUntilAsync(page, focused => focused.StartsWith($"{Question(0)}-o", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(why).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("The coffee machine");
            await ScreenshotAsync(page, $"survey-{name}-en-phone-answer");
            await AssertAccessibleAndReflowsAsync(page, 360);
            await TabUntilAsync(page, focused => focused == "button:Next");
            await page.Keyboard.PressAsync("Enter");

            // Page 2: a rating with the arrows, then each matrix row with Space.
            await Assertions.Expect(page.Locator(".survey-progress")).ToContainTextAsync("Page 2 of 3");
            await TabUntilAsync(page, focused => focused.StartsWith($"{Question(2)}-o", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("ArrowRight");
            await page.Keyboard.PressAsync("ArrowRight");
            await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(page.Locator($"{Question(2)}-question input:checked + span")).ToHaveTextAsync("4");
            foreach (var _ in questions[3].GetProperty("rows").EnumerateArray())
            {
                await TabUntilAsync(page, focused => focused.StartsWith($"{Question(3)}-r", StringComparison.Ordinal));
                await page.Keyboard.PressAsync("Space");
            }

            await Assertions.Expect(page.Locator($"{Question(3)}-question input:checked")).ToHaveCountAsync(2);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await ScreenshotAsync(page, $"survey-{name}-en-phone-answer-page-2");
            await AssertAccessibleAndReflowsAsync(page, 360);
            await TabUntilAsync(page, focused => focused == "button:Next");
            await page.Keyboard.PressAsync("Enter");

            // Page 3: the NPS; back to page 2 and on again, the answers are still there.
            await Assertions.Expect(page.Locator(".survey-progress")).ToContainTextAsync("Page 3 of 3");
            await TabUntilAsync(page, focused => focused.StartsWith($"{Question(4)}-o", StringComparison.Ordinal));
            for (var i = 0; i < 9; i++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }

            await TabUntilAsync(page, focused => focused == "button:Back");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator($"{Question(2)}-question input:checked + span")).ToHaveTextAsync("4");
            await page.Locator("form.survey-form button.primary").PressAsync("Enter");
            await Assertions.Expect(page.Locator($"{Question(4)}-question input:checked + span")).ToHaveTextAsync("9");
            await TabUntilAsync(page, focused => focused == "button:Send my answers");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.Locator(".survey-thanks")).ToHaveTextAsync("Thank you for taking part.");
            await Assertions.Expect(page.Locator(".survey-results, #results-title")).Not.ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".poll-chart canvas").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"survey-{name}-en-phone-thanks");
            await AssertAccessibleAndReflowsAsync(page, 360);

            await GotoAsync(page, $"surveys/{id}/results");
            await Assertions.Expect(page.Locator(".survey-nps")).ToContainTextAsync("Net Promoter Score: +100");
            await ScreenshotAsync(page, $"survey-{name}-en-phone-results");
            await AssertAccessibleAndReflowsAsync(page, 360);

            await GotoAsync(page, "surveys/new");
            await ScreenshotAsync(page, $"survey-{name}-en-phone-new");
            await AssertAccessibleAndReflowsAsync(page, 360);
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    [SkippableFact]
    public async Task The_survey_pages_on_a_desktop_in_french_are_accessible()
    {
        SkipWithoutChromium();
        var survey = await CreateSurveyAsync("Enquête annuelle d'engagement");
        var id = survey.GetProperty("id").GetInt64();
        var page = await NewCheckedPageAsync(1280, "fr-FR");
        await SignInAsync(page);
        await GotoAsync(page, $"surveys/{id}");
        await Assertions.Expect(page.Locator(".survey-progress")).ToContainTextAsync("Page 1 sur 3");
        await Assertions.Expect(page.Locator(".survey-anonymity")).ToContainTextAsync("pas même les administrateurs");
        await ScreenshotAsync(page, "survey-employee-fr-desktop-answer");
        await AssertAccessibleAndReflowsAsync(page, 1280);
        foreach (var (path, shot) in new[] { ("surveys", "survey-employee-fr-desktop-list"), ($"surveys/{id}/results", "survey-employee-fr-desktop-results"), ("surveys/new", "survey-employee-fr-desktop-new") })
        {
            await GotoAsync(page, path);
            await ScreenshotAsync(page, shot);
            await AssertAccessibleAndReflowsAsync(page, 1280);
        }
    }

    /// <summary>Three pages: a choice with a free text asked after "Yes"; a rating and a matrix; an NPS. Results shown to everyone.</summary>
    private async Task<JsonElement> CreateSurveyAsync(string title)
    {
        using var admin = await ApiClientAsync();
        var created = await JsonAsync(await admin.PostAsJsonAsync("api/v1/surveys", new
        {
            title,
            description = "Five minutes, three pages.",
            anonymous = true,
            resultsVisibility = "always",
            questions = new object[]
            {
                new { text = "Do you use the new break room?", kind = "single", page = 1, required = true, options = new[] { "Yes", "No" } },
                new { text = "What do you like most there?", kind = "text", page = 1, showWhen = new { question = 0, option = 0 } },
                new { text = "How comfortable is your workstation?", kind = "rating", page = 2 },
                new { text = "How satisfied are you with…", kind = "matrix", page = 2, options = new[] { "Not at all", "Somewhat", "Very" }, rows = new[] { "The canteen", "The car park" } },
                new { text = "Would you recommend working here to a friend?", kind = "nps", page = 3 },
            },
        }));
        return await JsonAsync(await admin.GetAsync($"api/v1/surveys/{created.GetProperty("id").GetInt64()}"));
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
