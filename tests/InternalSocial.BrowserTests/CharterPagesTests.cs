using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Localization;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// Every page of the charter in a real browser at 360 px, in both site themes, each in English and in French: the gate
/// page, the editorial charter beside the composer and on its own page, the administration's overview, history and
/// acceptances, and what changed between two versions. A person who has not accepted is sent to the charter from the
/// page they asked for, accepts with the keyboard alone and lands on that page; the administrator publishes a material
/// version from the page, which gates the person again; declining signs out. Every page passes axe-core and does not
/// scroll sideways. One person and one administrator per theme, the language switched by its cookie, so that the two
/// languages cost no extra sign-in. The charter is turned off at the end: the other browser tests share this site.
/// </summary>
public sealed class CharterPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string PersonPassword = "Br0wser-Charter";
    private static readonly string[] Features = ["InternalSocial.Charter", "InternalSocial.Charter.Feed"];
    private static readonly string[] Languages = ["en", "fr"];

    /// <summary>Every feature of the module, dependents first: the default recipe turns some of them on.</summary>
    private static readonly string[] AllFeatures =
        ["InternalSocial.Charter.Feed", "InternalSocial.Charter.Moderation", "InternalSocial.Charter.Notifications", "InternalSocial.Charter.Workflows", "InternalSocial.Charter"];

    /// <param name="theme">The site theme (null: the base theme).</param>
    /// <param name="keyboardLanguage">The language the person accepts in and the administrator publishes in; its pages are photographed.</param>
    [SkippableTheory]
    [InlineData(null, "en")]
    [InlineData(FieldTheme, "fr")]
    public async Task Every_charter_page_in_english_and_french_at_360_px_and_a_person_accepts_with_the_keyboard(string? theme, string keyboardLanguage)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        var languages = Languages.OrderBy(l => l == keyboardLanguage).ToList();
        await SetSiteThemeAsync(theme);
        using var admin = await ApiClientAsync();
        var version = await StartAsync(admin);
        try
        {
            var person = $"charter.{name}";
            await CreatePersonAsync(admin, person);
            var page = await NewCheckedPageAsync(360, height: 740);
            await SignInAsync(page, person, PersonPassword);

            // Gated: the page asked for leads to the charter, which remembers it.
            foreach (var language in languages)
            {
                await UseLanguageAsync(page, language);
                await GotoAsync(page, "feed");
                await Assertions.Expect(page).ToHaveURLAsync(new Regex("/charter\\?returnUrl=(%2F|/)feed$"));
                await Assertions.Expect(page.Locator(".charter-text strong")).ToHaveTextAsync(language == "fr" ? "bienveillant" : "kind");
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^" + language));
                await ScreenshotAsync(page, $"charter-{name}-{language}-phone");
                await AssertAccessibleAndReflowsAsync(page, 360);
            }

            // The keyboard alone: Tab to "I accept", Enter; the person lands on the page they asked for.
            await TabUntilAsync(page, focused => focused.StartsWith("button:", StringComparison.Ordinal) && focused.Contains(keyboardLanguage == "fr" ? "J’accepte" : "I accept", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => !url.Contains("/charter", StringComparison.Ordinal));
            Assert.Equal("/feed", new Uri(page.Url).AbsolutePath);

            foreach (var language in languages)
            {
                await UseLanguageAsync(page, language);
                await CheckComposerCharterAsync(page, language == keyboardLanguage ? $"charter-{name}-{language}-phone-composer" : null);
                await GotoAsync(page, "charter/editorial");
                await Assertions.Expect(page.Locator(".charter-rules li")).ToHaveCountAsync(2);
                await Assertions.Expect(page.Locator("#rule-2")).ToContainTextAsync(language == "fr" ? "Citer ses sources" : "Cite your sources");
                await ShootIfAsync(page, language == keyboardLanguage, $"charter-{name}-{language}-phone-editorial");
                await AssertAccessibleAndReflowsAsync(page, 360);
            }

            var adminPage = await NewCheckedPageAsync(360, height: 740);
            await SignInAsync(adminPage);
            foreach (var language in languages)
            {
                await UseLanguageAsync(adminPage, language);
                await CheckAdminPagesAsync(adminPage, version, language == keyboardLanguage ? $"charter-{name}-{language}-phone-admin" : null);
            }

            // The administrator publishes a material version from the page: the person is gated again and reads what changed.
            await adminPage.Locator("#publish-employees-en").FillAsync("# Charter\n\n## Respect\n\nBe **kind** and fair to colleagues.\n");
            await adminPage.Locator("#publish-employees-fr").FillAsync("# Charte\n\n## Respect\n\nSoyez **bienveillant** et juste avec vos collègues.\n");
            await Assertions.Expect(adminPage.Locator("#publish-employees-material")).ToBeCheckedAsync();
            await adminPage.Locator("form[action$='admin/charter/employees/publish'] button[type=submit]").ClickAsync();
            await Assertions.Expect(adminPage).ToHaveURLAsync(new Regex("/charter"));
            foreach (var language in languages)
            {
                await UseLanguageAsync(page, language);
                await GotoAsync(page, "feed");
                await Assertions.Expect(page).ToHaveURLAsync(new Regex("/charter\\?returnUrl="));
                await page.Locator(".charter-meta a").ClickAsync();
                await Assertions.Expect(page.Locator(".charter-diff ins").First).ToContainTextAsync(language == "fr" ? "juste" : "fair");
                await ShootIfAsync(page, language == keyboardLanguage, $"charter-{name}-{language}-phone-diff");
                await AssertAccessibleAndReflowsAsync(page, 360);
            }
        }
        finally
        {
            await StopAsync();
            await SetSiteThemeAsync(null);
        }
    }

    [SkippableFact]
    public async Task Declining_signs_the_person_out_and_the_sign_in_page_says_so()
    {
        SkipWithoutChromium();
        using var admin = await ApiClientAsync();
        await StartAsync(admin);
        try
        {
            await CreatePersonAsync(admin, "charter.decliner");
            var page = await NewCheckedPageAsync(360);
            await SignInAsync(page, "charter.decliner", PersonPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "I decline and sign out" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("You declined the charter, so you are signed out.");
            await AssertAccessibleAndReflowsAsync(page, 360);
        }
        finally
        {
            await StopAsync();
        }
    }

    /// <summary>The editorial charter beside the feed's composer: folded, then opened on its rules.</summary>
    private async Task CheckComposerCharterAsync(IPage page, string? screenshot)
    {
        await GotoAsync(page, "feed");
        var composerCharter = page.Locator("details.charter-composer");
        await Assertions.Expect(composerCharter).ToHaveCountAsync(1);
        await Assertions.Expect(composerCharter).Not.ToHaveAttributeAsync("open", "");
        await Assertions.Expect(page.Locator("details.charter-composer #rule-1")).ToBeHiddenAsync();
        await ShootIfAsync(page, screenshot is not null, screenshot ?? "");
        await composerCharter.Locator("summary").ClickAsync();
        await Assertions.Expect(page.Locator("details.charter-composer #rule-1")).ToBeVisibleAsync();
        await AssertAccessibleAndReflowsAsync(page, 360);
    }

    /// <summary>The overview, the employees' history and both tabs of a version's acceptances; ends on the overview.</summary>
    private async Task CheckAdminPagesAsync(IPage page, int version, string? screenshot)
    {
        foreach (var path in new[] { "admin/charter/employees", $"admin/charter/employees/{version}/acceptances", $"admin/charter/employees/{version}/acceptances?status=pending" })
        {
            await GotoAsync(page, path);
            await AssertAccessibleAndReflowsAsync(page, 360);
        }

        await GotoAsync(page, "admin/charter");
        await ShootIfAsync(page, screenshot is not null, screenshot ?? "");
        await AssertAccessibleAndReflowsAsync(page, 360);
    }

    private async Task ShootIfAsync(IPage page, bool wanted, string name)
    {
        if (wanted)
        {
            await ScreenshotAsync(page, name);
        }
    }

    /// <summary>What the footer's language switch remembers, set directly: the next page comes in that language.</summary>
    private async Task UseLanguageAsync(IPage page, string language) =>
        await page.Context.AddCookiesAsync([new Cookie { Name = TenantLocalization.CultureCookieName, Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = Fixture.BaseAddress.ToString() }]);

    /// <summary>
    /// Turns the charter on, publishes the editorial charter and a usage charter (a material version), and accepts as
    /// the administrator; returns the usage charter's version.
    /// </summary>
    private async Task<int> StartAsync(HttpClient admin)
    {
        await Fixture.Services.GetRequiredService<FeatureManager>().EnableAsync(ShellSettings.DefaultName, Features, CancellationToken.None);
        await JsonAsync(await admin.PostAsJsonAsync("api/v1/charter/versions", new
        {
            audience = "editorial",
            texts = new { en = "## Stay on topic\n\nPost about work.\n\n## Cite your sources\n\nSay where a figure comes from.\n", fr = "## Rester dans le sujet\n\nParlez de travail.\n\n## Citer ses sources\n\nDites d’où vient un chiffre.\n" },
            material = true,
        }));
        var created = await JsonAsync(await admin.PostAsJsonAsync("api/v1/charter/versions", new
        {
            audience = "employees",
            texts = new { en = "# Charter\n\n## Respect\n\nBe **kind** to colleagues.\n", fr = "# Charte\n\n## Respect\n\nSoyez **bienveillant** avec vos collègues.\n" },
            material = true,
        }));
        var version = created.GetProperty("number").GetInt32();
        await JsonAsync(await admin.PostAsJsonAsync("api/v1/charter/accept", new { version }));
        return version;
    }

    /// <summary>Turning the feature off removes the gate at once; the records stay for the next test that turns it on.</summary>
    private async Task StopAsync() =>
        await Fixture.Services.GetRequiredService<FeatureManager>().DisableAsync(ShellSettings.DefaultName, AllFeatures, CancellationToken.None);

    private static async Task CreatePersonAsync(HttpClient admin, string userName)
    {
        var created = await admin.PostAsJsonAsync("api/v1/users", new { userName, email = userName + "@browser.test", displayName = "Charter Reader", password = PersonPassword, roles = new[] { "Employee" } });
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
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
