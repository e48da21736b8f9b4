using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 1, the first two ways: a communication director (who holds <c>Users.ManageUsers</c>) takes no
/// administrator's account over, and nobody gives or takes roles beyond what they hold. Each request is the issue's.
/// </summary>
public abstract class AccountPrivilegeTests(PrivilegeTenant tenant)
{
    [SkippableFact]
    public async Task A_communication_director_cannot_change_an_administrators_email_nor_send_them_a_reset_link_or_reset_their_two_factor()
    {
        tenant.SkipIfUnavailable();
        var chief = tenant.IdOf("chief");
        var before = await tenant.ReadAsync("chief");

        var patched = await (await tenant.Director.PatchAsJsonAsync($"api/v1/users/{chief}", new { email = "someone@elsewhere.test" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("administrator", patched.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var reset = await (await tenant.Director.PostAsync($"api/v1/users/{chief}/two-factor/reset", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("administrator", reset.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var mail = await (await tenant.Director.PostAsync($"api/v1/users/{chief}/password-mail", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("administrator", mail.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Nothing changed: same address, same security stamp (a two-factor reset renews it), no mail in the outbox.
        Assert.Equal(before, await tenant.ReadAsync("chief"));
        var outbox = await (await tenant.Admin.GetAsync("api/v1/email/outbox?take=200")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(outbox.EnumerateArray(), m => m.GetProperty("toAddress").GetString() is "someone@elsewhere.test" || m.GetProperty("toAddress").GetString() == before.Email);
    }

    [SkippableFact]
    public async Task A_communication_director_cannot_take_an_administrators_roles_away_nor_deactivate_or_erase_them()
    {
        tenant.SkipIfUnavailable();
        var chief2 = tenant.IdOf("chief2");
        var before = await tenant.ReadAsync("chief2");

        // The request: an empty list used to skip every check.
        var emptied = await (await tenant.Director.PutAsJsonAsync($"api/v1/users/{chief2}/roles", new { roles = Array.Empty<string>() })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Users.ManageRoles", emptied.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var deactivated = await (await tenant.Director.PostAsync($"api/v1/users/{chief2}/deactivate", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("administrator", deactivated.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await tenant.Director.PutAsJsonAsync($"api/v1/users/{chief2}/guest", new { expiresUtc = "2020-01-01T00:00:00Z" })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        // Even someone who may erase people and manage roles does not erase, nor strip, an administrator.
        var erased = await (await tenant.Lead.PostAsync($"api/v1/users/{chief2}/erase", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("administrator", erased.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stripped = await (await tenant.Lead.PutAsJsonAsync($"api/v1/users/{chief2}/roles", new { roles = Array.Empty<string>() })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("administrator", stripped.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(before, await tenant.ReadAsync("chief2"));
        Assert.Equal("Administrator", (await tenant.ReadAsync("chief2")).Roles);
    }

    [SkippableFact]
    public async Task Nobody_gives_a_role_or_adds_to_a_role_a_permission_they_do_not_hold()
    {
        tenant.SkipIfUnavailable();
        var staff2 = tenant.IdOf("staff2");
        var before = await tenant.ReadAsync("staff2");

        // Moderator holds Feed.Moderate, which the people lead does not.
        var moderator = await (await tenant.Lead.PutAsJsonAsync($"api/v1/users/{staff2}/roles", new { roles = new[] { "Employee", "Moderator" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("The role 'Moderator' holds the permission", moderator.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await tenant.Lead.PutAsJsonAsync($"api/v1/users/{staff2}/roles", new { roles = new[] { "Administrator" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Lead.PostAsJsonAsync("api/v1/users", new { userName = "newmod", email = "newmod@org.test", password = PrivilegeTenant.Password, roles = new[] { "Moderator" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await tenant.ReadAsync("staff2"));

        var added = await (await tenant.Lead.PutAsJsonAsync("api/v1/roles/PeopleLead", new { permissions = PrivilegeTenant.LeadPermissions.Append("Feed.Moderate") })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("'Feed.Moderate'", added.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(PrivilegeTenant.LeadPermissions.Order(StringComparer.Ordinal), (await tenant.PermissionsOfAsync("PeopleLead")).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_communication_director_still_manages_an_employees_account_and_a_people_lead_gives_the_roles_they_cover()
    {
        tenant.SkipIfUnavailable();
        var staff2 = tenant.IdOf("staff2");
        await (await tenant.Director.PatchAsJsonAsync($"api/v1/users/{staff2}", new { displayName = "Staff Two" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Director.PostAsync($"api/v1/users/{staff2}/two-factor/reset", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Director.PostAsync($"api/v1/users/{staff2}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.False((await tenant.ReadAsync("staff2")).IsActive);
        await (await tenant.Director.PostAsync($"api/v1/users/{staff2}/reactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal("Staff Two", (await tenant.ReadAsync("staff2")).DisplayName);

        await (await tenant.Lead.PutAsJsonAsync($"api/v1/users/{staff2}/roles", new { roles = new[] { "Employee", "PeopleLead" } })).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal("Employee,PeopleLead", (await tenant.ReadAsync("staff2")).Roles);
        await (await tenant.Lead.PutAsJsonAsync($"api/v1/users/{staff2}/roles", new { roles = new[] { "Employee" } })).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal("Employee", (await tenant.ReadAsync("staff2")).Roles);
    }

    [SkippableFact]
    public async Task The_people_import_does_not_update_an_administrator()
    {
        tenant.SkipIfUnavailable();
        var before = await tenant.ReadAsync("chief");
        using var csv = new StringContent($"email,displayName\n{before.Email},Taken Over\n", System.Text.Encoding.UTF8, "text/csv");
        var report = await (await tenant.Director.PostAsync("api/v1/users/import", csv)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, report.GetProperty("updated").GetInt32());
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal("email", error.GetProperty("field").GetString());
        Assert.Equal(before, await tenant.ReadAsync("chief"));
    }
}

[Collection(WebCollection.Name)]
public sealed class AccountPrivilegeTestsOnSqlite(PrivilegeSqliteTenant tenant) : AccountPrivilegeTests(tenant), IClassFixture<PrivilegeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class AccountPrivilegeTestsOnPostgres(PrivilegePostgresTenant tenant) : AccountPrivilegeTests(tenant), IClassFixture<PrivilegePostgresTenant>;
