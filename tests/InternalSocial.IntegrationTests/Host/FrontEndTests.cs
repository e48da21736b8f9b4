using System.Net;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// The front-end bundle built from npm by the Employee theme project: every layout loads it deferred and versioned,
/// the service worker caches it, and the SignalR client stays out of pages that did not ask for it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class FrontEndTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task Every_layout_loads_the_bundle_deferred_and_versioned_and_the_service_worker_caches_it()
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var home = await browser.GetStringAsync("");
        var script = AppScript().Match(home);
        Assert.True(script.Success, "The home page does not load dist/app.js with a version and defer.");
        Assert.DoesNotContain("dist/live.js", home, StringComparison.Ordinal);

        var bundleUrl = WebUtility.HtmlDecode(script.Groups["url"].Value);
        var bundle = await browser.GetAsync(bundleUrl[(tenant.Prefix.Length + 2)..]);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        var code = await bundle.Content.ReadAsStringAsync();
        Assert.Contains("window.htmx", code, StringComparison.Ordinal);
        Assert.Contains("RelativeTimeFormat", code, StringComparison.Ordinal);
        Assert.Contains("data-confirm", code, StringComparison.Ordinal);
        Assert.DoesNotContain("HubConnectionBuilder", code, StringComparison.Ordinal);
        // Minified: htmx alone is about 45 kB unminified-and-gzipped-less; a regression to a dev build would be 3x that.
        Assert.True(code.Length < 80_000, $"dist/app.js is {code.Length} bytes: is it still minified?");

        var live = await browser.GetStringAsync("_content/InternalSocial.Themes.Employee/dist/live.js");
        Assert.Contains("HubConnectionBuilder", live, StringComparison.Ordinal);
        Assert.Contains("window.signalR", live, StringComparison.Ordinal);

        var worker = await browser.GetStringAsync("sw.js");
        Assert.Contains($"'{bundleUrl}'", worker, StringComparison.Ordinal);

        // The administration's layout (another theme) loads the same bundle.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        Assert.Matches(AppScript(), await browser.GetStringAsync("admin"));
    }

    [GeneratedRegex("<script src=\"(?<url>/[^\"]+/_content/InternalSocial.Themes.Employee/dist/app.js\\?v=[^\"]+)\" defer>")]
    private static partial Regex AppScript();
}
