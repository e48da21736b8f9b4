using InternalSocial.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests;

/// <summary>
/// The site's Content-Security-Policy blocks nothing the pages need: no violation on the main pages of both site
/// themes and of the administration, the live connection (SignalR over WebSocket) and the service worker still work.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly string[] SignedInPages =
        ["", "feed", "groups", "people", "people/admin", "people/admin/team", "notifications", "links", "menu", "account", "admin", "admin/features", "admin/settings", "admin/users", "admin/recipes"];

    [SkippableTheory]
    [InlineData(null)]
    [InlineData(FieldTheme)]
    public async Task The_main_pages_cause_no_policy_violation_and_live_parts_still_connect(string? theme)
    {
        SkipWithoutChromium();
        await SetSiteThemeAsync(theme);
        try
        {
            var page = await NewPageAsync(Phone);
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            };
            await page.Context.AddInitScriptAsync(RecordViolations);

            foreach (var path in new[] { "", "account/signin" })
            {
                await VisitAsync(page, path, violations);
            }

            await SignInAsync(page);
            foreach (var path in SignedInPages)
            {
                await VisitAsync(page, path, violations);
            }

            // The bell's live count: the SignalR client connects over a WebSocket to this host.
            await GotoAsync(page, "");
            var webSocket = await page.RunAndWaitForWebSocketAsync(async () => await page.ReloadAsync(), new() { Timeout = 15_000 });
            Assert.Contains("/hubs/", webSocket.Url, StringComparison.Ordinal);
            await page.WaitForTimeoutAsync(500);
            Assert.False(webSocket.IsClosed, "The live connection closed at once.");

            // The service worker registers and takes control (pwa.js; sw.js under the same policy).
            var scope = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
            Assert.Equal(Fixture.BaseAddress.ToString(), scope);
            await CollectAsync(page, violations);

            Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations.Distinct()));
        }
        finally
        {
            await SetSiteThemeAsync(null);
        }
    }

    private async Task VisitAsync(IPage page, string path, List<string> violations)
    {
        await GotoAsync(page, path);
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Deferred scripts have run; give a live connection a moment to be refused, if it were.
        await page.WaitForTimeoutAsync(200);
        await CollectAsync(page, violations);
        Output.WriteLine($"/{path}: checked");
    }

    private static async Task CollectAsync(IPage page, List<string> violations) =>
        violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations || []")).Select(v => $"{page.Url}: {v}"));
}
