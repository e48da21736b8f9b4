using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InternalSocial.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: a new browser context per page (no shared cookies), and the helpers UI tests need:
/// signing in through the real form, screenshots, axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    // axe's own result objects are large; the page sends back only what a failure message needs.
    private const string RunAxeScript = """
        async () => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.flat().join(' '), summary: n.failureSummary ?? '' })),
            }));
        }
        """;

    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserFixture Fixture => fixture;

    protected ITestOutputHelper Output => output;

    /// <summary>Call first in every test: without Chromium the fixture started nothing.</summary>
    protected static void SkipWithoutChromium() => Skip.IfNot(BrowserFixture.IsChromiumAvailable, BrowserFixture.SkipReason);

    /// <summary>A page in a fresh context. Widths under 600 get a phone's touch and meta viewport handling.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize viewport, ColorScheme colorScheme = ColorScheme.Light, string locale = "en-GB")
    {
        ArgumentNullException.ThrowIfNull(viewport);
        SkipWithoutChromium();
        var phone = viewport.Width < 600;
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
            Locale = locale,
            // Explicit, because the theme has a dark palette and the headless default could change.
            ColorScheme = colorScheme,
            // The site's Content-Security-Policy applies, as in a real browser: a page that needs an inline script
            // breaks here too. axe-core is injected through the DevTools protocol, which the policy does not govern.
            BypassCSP = false,
        });
        _contexts.Add(context);
        fixture.ContextOpened();
        // Generous: in CI the browser shares two cores with the other test assemblies and PostgreSQL. A page that
        // takes longer than this on loopback is a bug worth failing on, not waiting for.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens a site path (relative, without a leading slash) and asserts the answer.</summary>
    protected static async Task<IResponse> GotoAsync(IPage page, string path, int expectedStatus = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path);
        Assert.True(response is not null, $"No response for /{path}.");
        Assert.True(response.Status == expectedStatus, $"/{path} answered {response.Status}, expected {expectedStatus}.");
        return response;
    }

    /// <summary>Signs in the way a person does: the form at /account/signin, then its submit button, in any language.</summary>
    protected static async Task SignInAsync(IPage page, string userName = BrowserFixture.AdminUserName, string password = BrowserFixture.AdminPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await GotoAsync(page, "account/signin");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("form:has(#UserName) button[type=submit]").ClickAsync();
        // The URL change is what says the sign-in worked; waiting for "load" would also wait for every deferred script.
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/signin", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("form[action$='account/signout'] button")).ToBeVisibleAsync();
    }

    /// <summary>An API client with a personal access token of <paramref name="userName"/> (the administrator by default).</summary>
    protected async Task<HttpClient> ApiClientAsync(string userName = BrowserFixture.AdminUserName, string password = BrowserFixture.AdminPassword)
    {
        var client = new HttpClient { BaseAddress = Fixture.BaseAddress };
        var token = await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName, password, name = "browser tests" });
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("token").GetString());
        return client;
    }

    /// <summary>A full-page screenshot in <see cref="BrowserFixture.ScreenshotsFolder"/>; returns its path.</summary>
    protected async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(BrowserFixture.ScreenshotsFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
        return path;
    }

    /// <summary>
    /// Runs axe-core in the page as it is now; returns the serious and critical violations. The moderate and minor
    /// ones only go to the test output, for whoever works on the page next.
    /// </summary>
    protected async Task<IReadOnlyList<AxeViolation>> RunAxeAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(File.Exists(BrowserFixture.AxeScriptPath), $"axe-core is missing at {BrowserFixture.AxeScriptPath}: the build's NpmCi target restores it.");
        // Not as a <script> element: the Content-Security-Policy would block it.
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = await File.ReadAllTextAsync(BrowserFixture.AxeScriptPath) });
        await session.DetachAsync();
        var violations = await page.EvaluateAsync<JsonElement>(RunAxeScript);
        var url = page.Url;
        var all = violations.EnumerateArray()
            .Select(v => new AxeViolation(
                url,
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("helpUrl").GetString()!,
                [.. v.GetProperty("nodes").EnumerateArray().Select(n => new AxeNode(n.GetProperty("target").GetString()!, n.GetProperty("summary").GetString()!))]))
            .ToList();
        foreach (var minor in all.Where(v => !v.IsSerious))
        {
            output.WriteLine($"axe-core, not failing the test: {minor}");
        }

        return [.. all.Where(v => v.IsSerious)];
    }

    /// <summary>
    /// Records the page's Content-Security-Policy violations in <c>window.__cspViolations</c>; runs before any script of
    /// each page (through the DevTools protocol, which the policy does not govern).
    /// </summary>
    protected const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    /// <summary>A page that records Content-Security-Policy violations, which <see cref="AssertAccessibleAndReflowsAsync"/> then checks.</summary>
    protected async Task<IPage> NewCheckedPageAsync(int width, string locale = "en-GB", int height = 800)
    {
        var page = await NewPageAsync(new ViewportSize { Width = width, Height = height }, locale: locale);
        await page.Context.AddInitScriptAsync(RecordViolations);
        return page;
    }

    /// <summary>No Content-Security-Policy violation recorded, no serious or critical axe-core violation, no sideways scrolling.</summary>
    protected async Task AssertAccessibleAndReflowsAsync(IPage page, int width)
    {
        ArgumentNullException.ThrowIfNull(page);
        var blocked = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        Assert.True(blocked.Length == 0, $"Content-Security-Policy violations on {page.Url}:\n" + string.Join("\n", blocked));
        var violations = await RunAxeAsync(page);
        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe-core violations on {page.Url} at {width}px:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth}px wide in a {width}px viewport: it scrolls sideways.");
    }

    /// <summary>The JSON of a successful answer (default for an empty body); fails the test, with the body, otherwise.</summary>
    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Describes the focused element: "#id", or the tag with its accessible text.</summary>
    protected static Task<string> FocusedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string>("""
            () => {
                const e = document.activeElement;
                if (!e || e === document.body) return 'body';
                if (e.id) return '#' + e.id;
                return e.tagName.toLowerCase() + ':' + (e.getAttribute('aria-label') || e.textContent || '').trim();
            }
            """);
    }

    protected const string FieldTheme = "InternalSocial.Themes.Field";

    /// <summary>Switches the Default tenant's site theme (null: the base theme); tests put it back in a finally.</summary>
    protected async Task SetSiteThemeAsync(string? themeFeature)
    {
        if (themeFeature is not null)
        {
            await Fixture.Services.GetRequiredService<FeatureManager>().EnableAsync(ShellSettings.DefaultName, [themeFeature], CancellationToken.None);
        }

        var shell = await Fixture.Services.GetRequiredService<ShellHost>().GetOrCreateShellAsync(ShellSettings.DefaultName, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var settings = services.GetRequiredService<SiteSettingsService>();
            await settings.SaveAsync(await settings.GetAsync(CancellationToken.None) with { SiteTheme = themeFeature }, CancellationToken.None);
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}

public sealed record AxeNode(string Target, string Summary);

public sealed record AxeViolation(string Url, string Rule, string Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes)
{
    public bool IsSerious => Impact is "serious" or "critical";

    public override string ToString() =>
        $"{Rule} ({Impact}) on {Url}: {Help} [{HelpUrl}]" + string.Concat(Nodes.Select(n => $"{Environment.NewLine}    {n.Target}: {n.Summary.ReplaceLineEndings(" ")}"));
}
