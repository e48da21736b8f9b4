using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// User text with a long unbroken word (a pasted URL or token) breaks inside its box instead of widening the page:
/// a group's name, a post, a comment, a profile field and a notification, at 360 and 1280 px, in both site themes.
/// </summary>
public sealed class LongWordsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly string LongWord = "https://intranet.example.com/" + string.Concat(Enumerable.Repeat("averyveryverylongsegment", 8));

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static long _groupId;
    private static long _postId;

    [SkippableTheory]
    [InlineData(null, 360, 740)]
    [InlineData(null, 1280, 800)]
    [InlineData(FieldTheme, 360, 740)]
    [InlineData(FieldTheme, 1280, 800)]
    public async Task Long_unbroken_words_wrap_instead_of_widening_the_page(string? theme, int width, int height)
    {
        SkipWithoutChromium();
        await SeedAsync();
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewPageAsync(new ViewportSize { Width = width, Height = height });
            await SignInAsync(page);
            foreach (var path in new[] { "groups", $"groups/{_groupId}", $"posts/{_postId}", "feed", "people/admin", "notifications" })
            {
                await GotoAsync(page, path);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    await ScreenshotAsync(page, $"long-words-{path.Replace('/', '-')}-{theme ?? "employee"}-{width}");
                }

                Assert.True(scrollWidth <= width, $"/{path} is {scrollWidth}px wide in a {width}px window ({theme ?? "Employee"} theme).");
            }
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_postId != 0)
            {
                return;
            }

            using var admin = await ApiClientAsync();
            var group = await ReadAsync(await admin.PostAsJsonAsync("api/v1/groups", new { name = LongWord[..100], description = LongWord, visibility = "public", type = "project" }));
            _groupId = group.GetProperty("id").GetInt64();
            var post = await ReadAsync(await admin.PostAsJsonAsync("api/v1/posts", new { body = "See " + LongWord, audience = new { groups = new[] { _groupId } } }));
            _postId = post.GetProperty("id").GetInt64();
            await ReadAsync(await admin.PostAsJsonAsync($"api/v1/posts/{_postId}/comments", new { body = LongWord }));
            await ReadAsync(await admin.PatchAsJsonAsync("api/v1/users/me", new { jobTitle = LongWord[..100], about = LongWord }));
        }
        finally
        {
            Seeding.Release();
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
