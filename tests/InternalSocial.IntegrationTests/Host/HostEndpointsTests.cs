using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Health, OpenAPI and the administration pages of the Default tenant.</summary>
[Collection(WebCollection.Name)]
public sealed class HostEndpointsTests(HostFixture host)
{
    [Fact]
    public async Task Health_endpoints_answer_for_load_balancers()
    {
        using var client = host.CreateClient("");
        Assert.Equal("Healthy", await client.GetStringAsync("health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("health/ready"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_enabled_modules_apis()
    {
        using var client = host.CreateClient("");
        var document = await (await client.GetAsync("openapi/v1.json")).ExpectJsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/features", paths);
        Assert.Contains("/api/v1/features/{id}/enable", paths);
        Assert.Contains("/api/v1/auth/tokens", paths);
        Assert.Contains("/api/v1/tenants", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/admin", StringComparison.Ordinal) || p.StartsWith("/account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_features_page_enables_and_disables_with_its_forms()
    {
        using var browser = host.CreateClient("");
        var signedIn = await browser.SignInAsync("admin", HostFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var page = await browser.GetStringAsync("admin/features");
        // The administration menu, whichever admin theme draws it (the default recipe chooses the Admin theme).
        Assert.Contains("aria-label=\"Administration\"", page, StringComparison.Ordinal);
        Assert.Contains("Needed by", page, StringComparison.Ordinal);
        Assert.DoesNotContain("InternalSocial.Setup", page, StringComparison.Ordinal);

        var enable = await browser.SubmitAsync("admin/features", "admin/features/InternalSocial.Probe/enable", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("probe/slow?ms=1")).StatusCode);

        var disable = await browser.SubmitAsync("admin/features", "admin/features/InternalSocial.Probe/disable", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("probe/slow?ms=1")).StatusCode);
    }

    [Fact]
    public async Task The_settings_form_saves_and_says_so()
    {
        using var browser = host.CreateClient("");
        await browser.SignInAsync("admin", HostFixture.AdminPassword);

        var invalid = await browser.SubmitAsync("admin/settings", "admin/settings", new Dictionary<string, string> { ["SiteName"] = "", ["TimeZoneId"] = "Nowhere/Else", ["DefaultCulture"] = "en" });
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("The organisation name is required.", html, StringComparison.Ordinal);
        Assert.Contains("is not a known time zone", html, StringComparison.Ordinal);

        var saved = await browser.SubmitAsync("admin/settings", "admin/settings", new Dictionary<string, string> { ["SiteName"] = "Test host", ["TimeZoneId"] = "UTC", ["DefaultCulture"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Settings saved.", await browser.GetStringAsync("admin/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settings_page_saves_valid_settings_and_names_bad_fields()
    {
        var admin = host.DefaultAdmin;
        var refused = await (await admin.PutAsync("api/v1/settings", System.Net.Http.Json.JsonContent.Create(new { timeZoneId = "Mars/Olympus", defaultCulture = "xx" }))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("timeZoneId", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("defaultCulture", out _));

        var saved = await (await admin.PutAsync("api/v1/settings", System.Net.Http.Json.JsonContent.Create(new { timeZoneId = "Europe/Paris" }))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Europe/Paris", saved.GetProperty("timeZoneId").GetString());
        Assert.Equal("Test host", saved.GetProperty("siteName").GetString());
    }
}
