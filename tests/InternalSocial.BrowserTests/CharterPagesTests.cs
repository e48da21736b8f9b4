using System.Net.Http.Json;
using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The charter in a real browser at 360 px, in both site themes and both languages: a person who has not accepted lands
/// on the charter from the home page, accepts with the keyboard alone and is back; the administrator publishes a material
/// version from the page, which gates the person again, and the history shows what changed; the editorial charter waits
/// folded beside the composer; declining signs out. Every page passes axe-core and does not scroll sideways. The charter
/// is turned off at the end: the other browser tests share this site and must not meet its gate.
/// </summary>
public sealed class CharterPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string PersonPassword = "Br0wser-Charter";
    private static readonly string[] Features = ["InternalSocial.Charter", "InternalSocial.Charter.Feed"];

    /// <summary>Every feature of the module, dependents first: the default recipe turns some of them on.</summary>
    private static readonly string[] AllFeatures =
        ["InternalSocial.Charter.Feed", "InternalSocial.Charter.Moderation", "InternalSocial.Charter.Notifications", "InternalSocial.Charter.Workflows", "InternalSocial.Charter"];

    [SkippableTheory]
    [InlineData(null, "en-GB")]
    [InlineData(FieldTheme, "fr-FR")]
    public async Task A_person_accepts_with_the_keyboard_is_gated_again_by_a_material_version_and_reads_what_changed(string? theme, string locale)
    {
        SkipWithoutChromium();
        var name = theme is null ? "employee" : "field";
        var language = locale[..2];
        await SetSiteThemeAsync(theme);
        using var admin = await ApiClientAsync();
        await StartAsync(admin, "Be **kind** to colleagues.");
        try
        {
            var person = $"charter.{name}";
            await CreatePersonAsync(admin, person);
            var page = await NewCheckedPageAsync(360, locale, height: 740);
            await SignInAsync(page, person, PersonPassword);
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/charter\\?returnUrl="));
            await Assertions.Expect(page.Locator(".charter-text strong")).ToHaveTextAsync(language == "fr" ? "bienveillant" : "kind");
            await ScreenshotAsync(page, $"charter-{name}-{language}-phone");
            await AssertAccessibleAndReflowsAsync(page, 360);

            // The keyboard alone: Tab to "I accept", Enter; back on the home page the person asked for.
            await TabUntilAsync(page, focused => focused.StartsWith("button:", StringComparison.Ordinal) && focused.Contains(language == "fr" ? "J’accepte" : "I accept", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => !url.Contains("/charter", StringComparison.Ordinal));
            Assert.Equal("/", new Uri(page.Url).AbsolutePath);

            // The editorial charter beside the composer, folded.
            await GotoAsync(page, "feed");
            var composerCharter = page.Locator("details.charter-composer");
            await Assertions.Expect(composerCharter).ToHaveCountAsync(1);
            await Assertions.Expect(composerCharter).Not.ToHaveAttributeAsync("open", "");
            await Assertions.Expect(page.Locator("details.charter-composer #rule-1")).ToBeHiddenAsync();
            await ScreenshotAsync(page, $"charter-{name}-{language}-phone-composer");
            await AssertAccessibleAndReflowsAsync(page, 360);

            // The administrator publishes a material version from the page: the person is gated again.
            var adminPage = await NewCheckedPageAsync(1280, locale);
            await SignInAsync(adminPage);
            await GotoAsync(adminPage, "admin/charter");
            await adminPage.Locator("#publish-employees-en").FillAsync("# Charter\n\n## Respect\n\nBe **kind** and fair to colleagues.\n");
            await adminPage.Locator("#publish-employees-fr").FillAsync("# Charte\n\n## Respect\n\nSoyez **bienveillant** et juste avec vos collègues.\n");
            await Assertions.Expect(adminPage.Locator("#publish-employees-material")).ToBeCheckedAsync();
            await ScreenshotAsync(adminPage, $"charter-{name}-{language}-desktop-admin");
            await AssertAccessibleAndReflowsAsync(adminPage, 1280);
            await adminPage.Locator("form[action$='admin/charter/employees/publish'] button[type=submit]").ClickAsync();
            await Assertions.Expect(adminPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/charter"));

            await GotoAsync(page, "feed");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/charter\\?returnUrl="));
            await page.Locator(".charter-meta a").ClickAsync();
            await Assertions.Expect(page.Locator(".charter-diff ins").First).ToContainTextAsync(language == "fr" ? "juste" : "fair");
            await ScreenshotAsync(page, $"charter-{name}-{language}-phone-diff");
            await AssertAccessibleAndReflowsAsync(page, 360);
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
        await StartAsync(admin, "Be **kind** to colleagues.");
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

    /// <summary>Turns the charter on, publishes a usage charter (a material version) and the editorial charter, and accepts as the administrator.</summary>
    private async Task StartAsync(HttpClient admin, string rule)
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
            texts = new { en = "# Charter\n\n## Respect\n\n" + rule + "\n", fr = "# Charte\n\n## Respect\n\nSoyez **bienveillant** avec vos collègues.\n" },
            material = true,
        }));
        await AcceptAsync(admin, created.GetProperty("number").GetInt32());
    }

    private static async Task AcceptAsync(HttpClient client, int version) =>
        await JsonAsync(await client.PostAsJsonAsync("api/v1/charter/accept", new { version }));

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
