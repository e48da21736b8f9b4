using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Users.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 2 and the first item of point 9: the department and site that decide who reads what come from
/// people administrators, the import or single sign-on, never from the person; a person's own new e-mail address
/// applies only once confirmed, so single sign-on never matches an address nobody proved.
/// </summary>
public abstract class AudienceAuthorityTests(AudiencesTenant tenant)
{
    [SkippableFact]
    public async Task An_employee_who_declares_another_department_is_refused_and_reads_nothing_more()
    {
        tenant.SkipIfUnavailable();
        var employee = tenant.Client("outsider");
        var finance = await AudiencesTenant.PostAsync(tenant.Admin, new { body = "Finance only: the budget", audience = new { departments = new[] { "Finance" } } });

        var refused = await (await employee.PatchAsJsonAsync("api/v1/users/me", new { department = "Finance" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("administrators", refused.GetProperty("errors").GetProperty("department")[0].GetString(), StringComparison.Ordinal);
        var siteRefused = await (await employee.PatchAsJsonAsync("api/v1/users/me", new { site = "Lyon", jobTitle = "Not saved either" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(siteRefused.GetProperty("errors").TryGetProperty("site", out _));

        var me = await (await employee.GetAsync($"api/v1/users/{tenant.IdOf("outsider")}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("department").ValueKind);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("site").ValueKind);
        Assert.NotEqual("Not saved either", me.GetProperty("jobTitle").GetString());
        Assert.DoesNotContain(finance, await AudiencesTenant.HomeAsync(employee));
        await (await employee.GetAsync($"api/v1/posts/{finance}")).ExpectProblemAsync(HttpStatusCode.NotFound);

        // The current value sent back unchanged, as the profile form does, is no change.
        await (await employee.PatchAsJsonAsync("api/v1/users/me", new { department = "", site = "", jobTitle = "Analyst" })).ExpectJsonAsync(HttpStatusCode.OK);

        // The page shows them read-only, and a forged form changes nothing either.
        using var browser = await tenant.BrowserAsync("outsider");
        var page = await browser.GetStringAsync("account/profile");
        Assert.Matches("id=\"department\"[^>]*readonly", page);
        Assert.Matches("id=\"site\"[^>]*readonly", page);
        var forged = await browser.SubmitAsync("account/profile", "account/profile", new Dictionary<string, string> { ["displayName"] = "outsider", ["department"] = "Finance" });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Set by your administrators: ask them to change it.", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        me = await (await employee.GetAsync($"api/v1/users/{tenant.IdOf("outsider")}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("department").ValueKind);
        Assert.DoesNotContain("Finance only", await browser.GetStringAsync("feed"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"posts/{finance}")).StatusCode);
    }

    [SkippableFact]
    public async Task An_administrator_or_the_import_moves_people_and_each_move_is_audited()
    {
        tenant.SkipIfUnavailable();
        var (movedId, moved) = await tenant.CreatePersonAsync("moved", Kernel.Security.BuiltInRoles.Employee);
        var finance = await AudiencesTenant.PostAsync(tenant.Admin, new { body = "Finance only: the forecast", audience = new { departments = new[] { "Finance" } } });
        Assert.DoesNotContain(finance, await AudiencesTenant.HomeAsync(moved));

        var saved = await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{movedId}", new { department = "Finance", site = "Lyon" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Finance", saved.GetProperty("department").GetString());
        Assert.Contains(finance, await AudiencesTenant.HomeAsync(moved));

        var csv = $"email,department\nmoved@{tenant.Name}.test,Sales\n";
        await (await tenant.Admin.PostAsync("api/v1/users/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(finance, await AudiencesTenant.HomeAsync(moved));

        var audit = await (await tenant.Admin.GetAsync($"api/v1/users/{movedId}/audit")).ExpectJsonAsync(HttpStatusCode.OK);
        var admin = tenant.IdOf("admin");
        Assert.Equal(
            [$"department-changed by {admin}", $"department-changed by {admin}", $"site-changed by {admin}"],
            audit.EnumerateArray().Select(a => $"{a.GetProperty("action").GetString()} by {a.GetProperty("byUserId").GetString()}").Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Ones_own_new_address_waits_for_its_confirmation_and_single_sign_on_never_matches_it()
    {
        tenant.SkipIfUnavailable();
        var (id, person) = await tenant.CreatePersonAsync("mover", Kernel.Security.BuiltInRoles.Employee);
        const string newHire = "new.hire@corp.test";

        // This organisation sends no mail: the link cannot reach the new address, so the address does not change.
        var refused = await (await person.PatchAsJsonAsync("api/v1/users/me", new { email = newHire })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("confirmed", refused.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        var me = await (await person.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"mover@{tenant.Name}.test", me.GetProperty("email").GetString());

        // The new hire, whose address the organisation's provider verifies, signs in: never into the mover's account.
        await (await tenant.Admin.PostAsync($"api/v1/features/{OpenIdConnectStartup.FeatureId}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var outcome = await tenant.InScopeAsync(services => services.GetRequiredService<ExternalLoginService>()
            .FindOrCreateAsync(new ExternalIdentity("https://login.corp.test", "new-hire", newHire, EmailVerified: true, "New Hire"), CancellationToken.None));
        Assert.NotEqual(id, outcome.User?.Id);

        // A people administrator may still set it at once.
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{id}", new { email = "mover@corp.test" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("mover@corp.test", (await (await person.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("email").GetString());
    }
}

[Collection(WebCollection.Name)]
public sealed class AudienceAuthorityTestsOnSqlite(AudiencesSqliteTenant tenant) : AudienceAuthorityTests(tenant), IClassFixture<AudiencesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class AudienceAuthorityTestsOnPostgres(AudiencesPostgresTenant tenant) : AudienceAuthorityTests(tenant), IClassFixture<AudiencesPostgresTenant>;
