using System.Net;
using System.Net.Http.Json;
using InternalSocial.Home.Endpoints;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Each organisation is an installable web app with its own name and colours.</summary>
[Collection(WebCollection.Name)]
public sealed class WebAppTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task The_manifest_names_the_organisation_and_scopes_the_app_to_its_address()
    {
        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        var response = await anonymous.GetAsync("manifest.webmanifest");

        var manifest = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Org " + tenant.Name, manifest.GetProperty("name").GetString());
        Assert.Equal($"/{tenant.Prefix}/", manifest.GetProperty("start_url").GetString());
        Assert.Equal($"/{tenant.Prefix}/", manifest.GetProperty("scope").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            var image = await anonymous.GetAsync(icon.GetProperty("src").GetString()!.TrimStart('/')[(tenant.Prefix.Length + 1)..]);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        }

        var worker = await anonymous.GetAsync("sw.js");
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"const BASE = '/{tenant.Prefix}'", await worker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var offline = await anonymous.GetStringAsync("offline");
        Assert.Contains("You are offline", offline, StringComparison.Ordinal);
        Assert.Contains("rel=\"manifest\"", await anonymous.GetStringAsync(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accent_colour_brands_only_its_own_organisation_and_is_checked()
    {
        var refused = await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { accentColor = "red" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("accentColor", out _));

        await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { accentColor = "#ffd400" })).ExpectJsonAsync(HttpStatusCode.OK);
        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        var css = await anonymous.GetStringAsync("branding.css");
        Assert.Contains("--accent: #ffd400", css, StringComparison.Ordinal);
        Assert.Contains("--accent-contrast: #000000", css, StringComparison.Ordinal);
        Assert.Equal("#ffd400", (await (await anonymous.GetAsync("manifest.webmanifest")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("theme_color").GetString());
        Assert.Contains("<meta name=\"theme-color\" content=\"#ffd400\"", await anonymous.GetStringAsync(""), StringComparison.Ordinal);

        using var other = tenant.Host.CreateClient("");
        Assert.DoesNotContain("#ffd400", await other.GetStringAsync("branding.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_are_compressed_and_cached_a_year_when_versioned_an_hour_otherwise_and_pages_are_not_compressed()
    {
        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        var home = await anonymous.GetStringAsync("");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "href=\"/[^\"]+/(_content/InternalSocial.Themes.Employee/site.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);

        var versioned = await anonymous.GetAsync(System.Net.WebUtility.HtmlDecode(stylesheet));
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Contains("immutable", versioned.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var plain = await anonymous.GetAsync("_content/InternalSocial.Home/icons/icon-192.png");
        Assert.Equal(TimeSpan.FromHours(1), plain.Headers.CacheControl?.MaxAge);

        using var compressed = new HttpRequestMessage(HttpMethod.Get, System.Net.WebUtility.HtmlDecode(stylesheet));
        compressed.Headers.AcceptEncoding.ParseAdd("br");
        var brotli = await anonymous.SendAsync(compressed);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        using var page = new HttpRequestMessage(HttpMethod.Get, "");
        page.Headers.AcceptEncoding.ParseAdd("br");
        Assert.Empty((await anonymous.SendAsync(page)).Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("#2457d6", "#ffffff")]
    [InlineData("#ffd400", "#000000")]
    [InlineData("#000000", "#ffffff")]
    [InlineData("#ffffff", "#000000")]
    public void Text_on_the_accent_colour_is_whichever_of_black_or_white_reads_better(string accent, string expected) =>
        Assert.Contains($"--accent-contrast: {expected}", WebAppEndpoints.BrandingCss(accent), StringComparison.Ordinal);
}
