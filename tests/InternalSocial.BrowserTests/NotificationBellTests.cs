using System.Net.Http.Json;
using InternalSocial.BrowserTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>Live parts of an open page, pushed without a reload: the bell's count after a mention, the feed's "n new posts".</summary>
public sealed class NotificationBellTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = "Ment10ner-Password";

    [SkippableFact]
    public async Task A_mention_updates_the_bell_of_an_open_page_without_reloading_it()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await SignInAsync(page);
        await GotoAsync(page, "notifications");
        var readAll = page.Locator("form[action$='notifications/read-all'] button");
        if (await readAll.CountAsync() > 0)
        {
            await readAll.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await GotoAsync(page, "");
        var count = page.Locator(".notification-bell .notification-count");
        await Assertions.Expect(count).ToBeHiddenAsync();
        var marker = await page.EvaluateAsync<string>("() => { window.__sameDocument = 'yes'; return window.__sameDocument; }");

        using var mentioner = await MentionerAsync();
        var posted = await mentioner.PostAsJsonAsync("api/v1/posts", new { body = $"Welcome aboard @{BrowserFixture.AdminUserName}!" });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        await Assertions.Expect(count).ToHaveTextAsync("1", new() { Timeout = 5_000 });
        await Assertions.Expect(page.Locator(".notification-bell")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("1"));
        Assert.Equal(marker, await page.EvaluateAsync<string>("() => window.__sameDocument"));
        await ScreenshotAsync(page, "bell-after-mention");
    }

    [SkippableFact]
    public async Task A_new_post_shows_one_new_post_in_the_singular_on_an_open_feed()
    {
        SkipWithoutChromium();
        var page = await NewPageAsync(new ViewportSize { Width = 1280, Height = 900 });
        await SignInAsync(page);
        await GotoAsync(page, "feed");
        var link = page.Locator(".feed-live .feed-new");
        await Assertions.Expect(link).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".feed-live[data-feed-connected]")).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        using var author = await MentionerAsync();
        var posted = await author.PostAsJsonAsync("api/v1/posts", new { body = "Fresh coffee in the lobby" });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(link).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1 new post: show it$"));
    }

    /// <summary>An employee of the browser host's organisation, with an API token.</summary>
    private async Task<HttpClient> MentionerAsync()
    {
        var shell = await Fixture.Services.GetRequiredService<ShellHost>().GetOrCreateShellAsync(ShellSettings.DefaultName, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            if (await users.FindByNameAsync("mentioner") is null)
            {
                var user = new User { UserName = "mentioner", Email = "mentioner@browser.test", DisplayName = "Mentioner", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, "Employee")).Succeeded);
            }
        });

        return await ApiClientAsync("mentioner", Password);
    }
}
