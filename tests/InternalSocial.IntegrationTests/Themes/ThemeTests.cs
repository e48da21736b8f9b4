using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Themes;

/// <summary>Each tenant renders with its own themes, switched by recipe or settings without a restart.</summary>
public abstract class ThemeTests(TestTenant tenant)
{
    private const string FieldTheme = "InternalSocial.Themes.Field";

    [SkippableFact]
    public async Task A_recipe_switches_the_site_theme_and_another_tenant_keeps_its_own()
    {
        tenant.SkipIfUnavailable();
        var otherName = tenant.Name + "t";
        await tenant.CreateAndSetUpAsync(otherName, otherName, tenant.Provider, "minimal");
        using var other = tenant.Host.CreateClient(otherName);
        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Contains("Themes.Employee/site.css", await anonymous.GetStringAsync(""), StringComparison.Ordinal);

        var refused = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = JsonNode.Parse($$"""
            { "name": "field-first", "steps": [ { "name": "theme", "site": "{{FieldTheme}}" } ] }
            """) })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("is not enabled", refused.GetProperty("errors").GetRawText(), StringComparison.Ordinal);

        await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe = JsonNode.Parse($$"""
            { "name": "field", "steps": [ { "name": "features", "enable": ["{{FieldTheme}}"] }, { "name": "theme", "site": "{{FieldTheme}}" } ] }
            """) })).ExpectJsonAsync(HttpStatusCode.OK);

        var home = await anonymous.GetStringAsync("");
        Assert.Contains("Themes.Field/field.css", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Themes.Employee/site.css", home, StringComparison.Ordinal);
        Assert.Contains("Themes.Employee/site.css", await other.GetStringAsync(""), StringComparison.Ordinal);

        // The site theme does not touch the administration, which keeps its own theme (the admin theme of new tenants).
        var signIn = await anonymous.SignInAsync("admin", HostFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var admin = await anonymous.GetStringAsync("admin/settings");
        Assert.Contains("class=\"admin-side\"", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("field.css", admin, StringComparison.Ordinal);
        Assert.Contains("class=\"tabbar\"", await anonymous.GetStringAsync(""), StringComparison.Ordinal);

        var exported = await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(FieldTheme, exported.GetProperty("steps").GetRawText(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_settings_choose_a_theme_turning_it_on_and_refuse_what_is_not_a_theme()
    {
        tenant.SkipIfUnavailable();
        var name = tenant.Name + "s";
        await tenant.CreateAndSetUpAsync(name, name, tenant.Provider, "minimal");
        using var admin = await tenant.Host.CreateTokenClientAsync(name, "admin", HostFixture.AdminPassword);

        var refused = await (await admin.PutAsJsonAsync("api/v1/settings", new { siteTheme = "InternalSocial.QuickLinks" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("siteTheme", out _));

        await (await admin.PutAsJsonAsync("api/v1/settings", new { siteTheme = FieldTheme })).ExpectJsonAsync(HttpStatusCode.OK);
        var features = await (await admin.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(features.EnumerateArray().Single(f => f.GetProperty("id").GetString() == FieldTheme).GetProperty("isEnabled").GetBoolean());
        using var anonymous = tenant.Host.CreateClient(name);
        Assert.Contains("Themes.Field/field.css", await anonymous.GetStringAsync(""), StringComparison.Ordinal);
    }
}

[Collection(WebCollection.Name)]
public sealed class ThemesOnSqlite(SqliteTenant tenant) : ThemeTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class ThemesOnPostgres(PostgresTenant tenant) : ThemeTests(tenant), IClassFixture<PostgresTenant>;
