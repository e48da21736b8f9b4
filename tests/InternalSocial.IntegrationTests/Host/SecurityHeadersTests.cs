using System.Net;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// Every answer carries a Content-Security-Policy without inline scripts or styles, and the other browser protections;
/// and no view of any module or theme holds the inline script, event handler attribute or style attribute the policy
/// would block.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class SecurityHeadersTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task Site_admin_api_and_error_answers_carry_the_security_headers()
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var anonymousHome = await browser.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, anonymousHome.StatusCode);
        AssertHeaders(anonymousHome, "the anonymous home page");

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        foreach (var path in new[] { "", "admin", "admin/settings", "people", "menu", "sw.js", "manifest.webmanifest" })
        {
            var page = await browser.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"/{path} answered {page.StatusCode}.");
            AssertHeaders(page, $"/{path}");
        }

        AssertHeaders(await tenant.Admin.GetAsync("api/v1/auth/me"), "the API");
        var missing = await browser.GetAsync("no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertHeaders(missing, "a page that does not exist");

        // The host's own answers, before any tenant, have them too.
        using var host = tenant.Host.Factory.CreateClient();
        AssertHeaders(await host.GetAsync("/health/live"), "the health endpoint");
    }

    private static void AssertHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{what}: no Content-Security-Policy.");
        var policy = Assert.Single(values);
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray(), StringComparer.Ordinal);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["style-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'self'"], directives["worker-src"]);
        Assert.Contains("'self'", directives["connect-src"]);
        // SignalR's WebSocket, on the page's own host only.
        var host = response.RequestMessage!.RequestUri!.Authority;
        Assert.Contains($"wss://{host}", directives["connect-src"]);
        Assert.Contains($"ws://{host}", directives["connect-src"]);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
    }

    [Fact]
    public void No_view_holds_an_inline_script_an_event_handler_or_a_style_attribute()
    {
        var views = new[] { "modules", "themes", "src" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(views);
        var offenders = new List<string>();
        foreach (var view in views)
        {
            var text = File.ReadAllText(view);
            foreach (var pattern in new[] { InlineScript(), EventHandlerAttribute(), StyleAttribute(), StyleElement() })
            {
                foreach (Match match in pattern.Matches(text))
                {
                    offenders.Add($"{Path.GetRelativePath(Repository.Root, view)}: {match.Value}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "The Content-Security-Policy blocks these; move them to a script or a stylesheet:\n" + string.Join("\n", offenders));
    }

    // A <script> without src, or with src and a body.
    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>|<script\b[^>]*\bsrc\s*=[^>]*>\s*[^<\s]", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}
