using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The main pages in English and French, on a desktop and a phone, in both site themes: they must reflow and be in the
/// page's language. With INTERNALSOCIAL_SCREENSHOTS=docs/screenshots the pictures refresh the documentation's.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string FeedPassword = "Screen-Passw0rd";

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

    /// <summary>The feed as people meet it: an announcement to acknowledge, posts with tags, a mention, reactions and comments.</summary>
    [SkippableTheory]
    [InlineData("employee", "desktop", 1280, 900)]
    [InlineData("employee", "phone", 390, 844)]
    [InlineData("field", "desktop", 1280, 900)]
    [InlineData("field", "phone", 390, 844)]
    public async Task The_feed_with_posts_reflows_and_shows_authors_reactions_and_comments(string theme, string size, int width, int height)
    {
        SkipWithoutChromium();
        await EnsureFeedPostsAsync();
        await SetSiteThemeAsync(theme == "field" ? FieldTheme : null);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = width, Height = height });
            await SignInAsync(page, "samir.haddad", FeedPassword);
            await GotoAsync(page, "feed");
            var cards = page.Locator("article");
            await Assertions.Expect(cards.Filter(new() { HasText = "The canteen reopens on Monday" })).ToHaveCountAsync(1);
            var announcement = cards.Filter(new() { HasText = "Fire drill on Thursday at 10:00" });
            await Assertions.Expect(announcement).ToHaveCountAsync(1);
            await Assertions.Expect(announcement.GetByRole(AriaRole.Button, new() { Name = "I have read this" })).ToBeVisibleAsync();
            var canteen = cards.Filter(new() { HasText = "The canteen reopens on Monday" });
            await Assertions.Expect(canteen).ToContainTextAsync("Camille Martin");
            await Assertions.Expect(canteen).ToContainTextAsync("Great news");
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"/feed is {scrollWidth}px wide in a {width}px viewport.");
            await ScreenshotAsync(page, $"{theme}-en-{size}-feed");
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

    private static readonly SemaphoreSlim FeedPostsOnce = new(1, 1);
    private static bool _feedPostsCreated;

    /// <summary>Two colleagues, an announcement and their posts, written once through the API.</summary>
    private async Task EnsureFeedPostsAsync()
    {
        await FeedPostsOnce.WaitAsync();
        try
        {
            if (_feedPostsCreated)
            {
                return;
            }

            using var admin = await ApiClientAsync();
            foreach (var (userName, displayName, department) in new[] { ("camille.martin", "Camille Martin", "Facilities"), ("samir.haddad", "Samir Haddad", "Logistics") })
            {
                var created = await admin.PostAsJsonAsync("api/v1/users", new { userName, email = $"{userName}@screens.test", displayName, password = FeedPassword, roles = new[] { "Employee" } });
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
                var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
                var profile = await admin.PatchAsJsonAsync($"api/v1/users/{id}", new { department, jobTitle = department == "Facilities" ? "Facilities manager" : "Warehouse lead" });
                Assert.True(profile.IsSuccessStatusCode, await profile.Content.ReadAsStringAsync());
            }

            using var camille = await ApiClientAsync("camille.martin", FeedPassword);
            using var samir = await ApiClientAsync("samir.haddad", FeedPassword);
            var canteen = await PostAsync(camille, new { body = "The canteen reopens on Monday with a **new salad bar** and longer hours (11:30–14:30). Menus are on the intranet. #canteen #wellbeing" });
            await PostAsync(samir, new { body = "Thanks to the night shift for clearing the backlog before the holidays, @camille.martin your team's help with the loading bays made the difference. #logistics" });
            await PostAsync(admin, new { body = "Fire drill on Thursday at 10:00. Please read the evacuation plan of your building and confirm you have read this. #safety", announcement = true, requireAcknowledgement = true });
            foreach (var (client, type) in new[] { (samir, "celebrate"), (admin, "like") })
            {
                var reacted = await client.PostAsJsonAsync($"api/v1/posts/{canteen}/reactions", new { type });
                Assert.True(reacted.IsSuccessStatusCode, await reacted.Content.ReadAsStringAsync());
            }

            var comment = await samir.PostAsJsonAsync($"api/v1/posts/{canteen}/comments", new { body = "Great news, the salad bar was the most requested thing in the survey!" });
            Assert.True(comment.IsSuccessStatusCode, await comment.Content.ReadAsStringAsync());
            _feedPostsCreated = true;
        }
        finally
        {
            FeedPostsOnce.Release();
        }
    }

    private static async Task<long> PostAsync(HttpClient author, object post)
    {
        var created = await author.PostAsJsonAsync("api/v1/posts", post);
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
