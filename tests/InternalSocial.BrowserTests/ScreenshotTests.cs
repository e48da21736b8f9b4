using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The main pages in English and French, on a desktop and a phone, in both site themes: they must reflow and be in the
/// page's language. With INTERNALSOCIAL_SCREENSHOTS=docs/screenshots the pictures refresh the documentation's.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{

    public static TheoryData<string, string, string, int, int> Cases()
    {
        var data = new TheoryData<string, string, string, int, int>();
        foreach (var theme in new[] { "employee", "field" })
        {
            foreach (var language in new[] { "en", "fr" })
            {
                data.Add(theme, language, "desktop", 1280, 800);
                data.Add(theme, language, "phone", 390, 844);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Main_pages_reflow_and_speak_the_visitors_language_in_each_theme(string theme, string language, string size, int width, int height)
    {
        SkipWithoutChromium();
        await SetSiteThemeAsync(theme == "field" ? FieldTheme : null);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = width, Height = height }, locale: language == "fr" ? "fr-FR" : "en-GB");
            await GotoAsync(page, "");
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            await ScreenshotAsync(page, $"{theme}-{language}-{size}-home-anonymous");

            await SignInAsync(page);

            foreach (var (path, name, expected) in new[]
            {
                ("", "home", language == "fr" ? "Bienvenue" : "Welcome"),
                ("admin/features", "admin-features", language == "fr" ? "Fonctionnalités" : "Features"),
                ($"people/{BrowserFixture.AdminUserName}", "profile", ""),
                ("notifications/preferences", "notification-settings", language == "fr" ? "Réglages des notifications" : "Notification settings"),
            })
            {
                await GotoAsync(page, path);
                await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync(expected);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"/{path} is {scrollWidth}px wide in a {width}px viewport.");
                await ScreenshotAsync(page, $"{theme}-{language}-{size}-{name}");
            }
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    public static TheoryData<string, string, int, int> AdminCases()
    {
        var data = new TheoryData<string, string, int, int>();
        foreach (var language in new[] { "en", "fr" })
        {
            data.Add(language, "desktop", 1280, 800);
            data.Add(language, "phone", 360, 740);
        }

        return data;
    }

    /// <summary>The administration theme (the default of new organisations) on its densest pages.</summary>
    [SkippableTheory]
    [MemberData(nameof(AdminCases))]
    public async Task Admin_theme_pages_reflow_and_speak_the_visitors_language(string language, string size, int width, int height)
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(new ViewportSize { Width = width, Height = height }, locale: language == "fr" ? "fr-FR" : "en-GB");
        await SignInAsync(page);

        foreach (var (path, name, expected) in new[]
        {
            ("admin/settings", "settings", language == "fr" ? "Paramètres" : "Settings"),
            ("admin/users", "users", language == "fr" ? "Personnes" : "People"),
            ("admin/recipes", "recipes", language == "fr" ? "Recettes" : "Recipes"),
        })
        {
            await GotoAsync(page, path);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(expected);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"/{path} is {scrollWidth}px wide in a {width}px viewport.");
            await ScreenshotAsync(page, $"admin-{language}-{size}-{name}");
        }
    }
}
