using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Themes;

/// <summary>The administration theme: the default of new organisations, for the administration only, and a choice.</summary>
[Collection(WebCollection.Name)]
public sealed class AdminThemeTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    private const string AdminTheme = "InternalSocial.Themes.Admin";
    private const string EmployeeTheme = "InternalSocial.Themes.Employee";

    [Fact]
    public async Task A_new_organisation_is_administered_in_the_admin_theme_with_the_current_page_marked_in_the_menu()
    {
        var settings = await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(AdminTheme, settings.GetProperty("adminTheme").GetString());

        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        var features = await browser.GetStringAsync("admin/features");
        Assert.Contains("_content/InternalSocial.Themes.Admin/admin.css", features, StringComparison.Ordinal);
        Assert.Contains("class=\"admin-side\"", features, StringComparison.Ordinal);
        Assert.Contains("href=\"#admin-menu\"", features, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/{tenant.Prefix}/admin/features\" aria-current=\"page\">", features, StringComparison.Ordinal);
        Assert.DoesNotContain($"<a href=\"/{tenant.Prefix}/admin/settings\" aria-current", features, StringComparison.Ordinal);

        // The employee site keeps its own theme.
        var home = await browser.GetStringAsync("");
        Assert.Contains("Themes.Employee/site.css", home, StringComparison.Ordinal);
        Assert.DoesNotContain("admin.css", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_theme_is_refused_for_the_site_and_the_administration_can_switch_back_to_the_employee_layout()
    {
        var refused = await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { siteTheme = AdminTheme })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("siteTheme", out _));
        var byRecipe = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = JsonNode.Parse($$"""
            { "name": "admin-as-site", "steps": [ { "name": "theme", "site": "{{AdminTheme}}" } ] }
            """) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("administration only", byRecipe.GetProperty("errors").GetRawText(), StringComparison.Ordinal);

        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        try
        {
            await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { adminTheme = EmployeeTheme })).ExpectJsonAsync(HttpStatusCode.OK);
            var admin = await browser.GetStringAsync("admin/settings");
            Assert.Contains("class=\"adminnav\"", admin, StringComparison.Ordinal);
            Assert.DoesNotContain("admin.css", admin, StringComparison.Ordinal);
        }
        finally
        {
            await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { adminTheme = AdminTheme })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        Assert.Contains("admin.css", await browser.GetStringAsync("admin/settings"), StringComparison.Ordinal);
    }
}
