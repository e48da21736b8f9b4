using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>The role × permission matrix: changes take effect at once, and only administrators of roles may make them.</summary>
[Collection(WebCollection.Name)]
public sealed class RoleTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task Granting_a_permission_to_a_role_takes_effect_at_once_and_bad_grants_are_refused()
    {
        await tenant.CreateUserAsync("employee2", "Empl0yee-Password", BuiltInRoles.Employee);
        using var employee = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "employee2", "Empl0yee-Password");
        await (await employee.GetAsync("api/v1/features")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.GetAsync("api/v1/roles")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var roles = await (await tenant.Admin.GetAsync("api/v1/roles")).ExpectJsonAsync(HttpStatusCode.OK);
        var employeeRole = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == BuiltInRoles.Employee);
        var held = employeeRole.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToList();

        var saved = await (await tenant.Admin.PutAsJsonAsync($"api/v1/roles/{BuiltInRoles.Employee}", new { permissions = held.Append("Admin.ManageFeatures") })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("Admin.ManageFeatures", saved.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        await (await employee.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);

        await (await tenant.Admin.PutAsJsonAsync($"api/v1/roles/{BuiltInRoles.Employee}", new { permissions = held })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await employee.GetAsync("api/v1/features")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var unknown = await (await tenant.Admin.PutAsJsonAsync("api/v1/roles/Editors", new { permissions = new[] { "No.Such.Permission" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("No.Such.Permission", unknown.GetProperty("errors").GetProperty("permissions")[0].GetString(), StringComparison.Ordinal);
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/roles/{BuiltInRoles.Administrator}", new { permissions = Array.Empty<string>() })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/roles/x", new { permissions = Array.Empty<string>() })).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_matrix_page_creates_a_role_and_saves_its_ticks()
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        var created = await browser.SubmitAsync("admin/roles", "admin/roles/new", new Dictionary<string, string> { ["name"] = "Comms team", ["description"] = "Internal communication" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var page = await browser.GetStringAsync("admin/roles");
        Assert.Contains("Comms team", page, StringComparison.Ordinal);
        var roles = await (await tenant.Admin.GetAsync("api/v1/roles")).ExpectJsonAsync(HttpStatusCode.OK);
        var ticks = roles.EnumerateArray()
            .Where(r => r.GetProperty("name").GetString() != BuiltInRoles.Administrator)
            .SelectMany(r => r.GetProperty("permissions").EnumerateArray().Select(p => $"{r.GetProperty("name").GetString()}|{p.GetString()}"))
            .Append("Comms team|Admin.ManageSettings")
            .ToList();

        using var form = new FormUrlEncodedContent(ticks.Select(t => KeyValuePair.Create("grants", t))
            .Append(KeyValuePair.Create("__RequestVerificationToken", Token(page))));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("admin/roles", form)).StatusCode);

        var after = await (await tenant.Admin.GetAsync("api/v1/roles")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Admin.ManageSettings"], after.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Comms team").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == BuiltInRoles.Employee).GetProperty("permissions").GetRawText(),
            after.EnumerateArray().Single(r => r.GetProperty("name").GetString() == BuiltInRoles.Employee).GetProperty("permissions").GetRawText());
    }

    private static string Token(string html) => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(
        html, "action=\"[^\"]*/admin/roles\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);
}
