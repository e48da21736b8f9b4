using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>Accounts created by administrators, roles given to people, and who may do which.</summary>
[Collection(WebCollection.Name)]
public sealed class UserAdminTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    private const string Password = "Acc0unt-Password";

    [Fact]
    public async Task An_administrator_creates_accounts_with_checked_fields_and_gives_roles()
    {
        var created = await (await tenant.Admin.PostAsJsonAsync("api/v1/users", new { userName = "marie", email = "marie@org.test", displayName = "Marie Curie", password = Password })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["Employee"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var marie = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "marie", Password);

        var duplicate = await (await tenant.Admin.PostAsJsonAsync("api/v1/users", new { userName = "marie2", email = "MARIE@org.test", password = Password })).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("email:", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var missing = await (await tenant.Admin.PostAsJsonAsync("api/v1/users", new { email = "nope" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "userName", "email", "password" })
        {
            Assert.True(missing.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var weak = await (await tenant.Admin.PostAsJsonAsync("api/v1/users", new { userName = "weak", email = "weak@org.test", password = "short" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));

        var id = created.GetProperty("id").GetString();
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/users/{id}/roles", new { roles = new[] { "Moderator", "Employee" } })).ExpectJsonAsync(HttpStatusCode.NoContent);
        var me = await (await marie.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Employee", "Moderator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/users/{id}/roles", new { roles = new[] { "Wizard" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var self = (await (await tenant.Admin.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString();
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/users/{self}/roles", new { roles = new[] { "Employee" } })).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_communication_director_creates_employees_but_cannot_give_roles_and_nobody_else_makes_administrators()
    {
        await tenant.CreateUserAsync("director", Password, BuiltInRoles.CommunicationDirector);
        using var director = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "director", Password);

        var created = await (await director.PostAsJsonAsync("api/v1/users", new { userName = "paul", email = "paul@org.test", password = Password })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await director.PostAsJsonAsync("api/v1/users", new { userName = "sneaky", email = "sneaky@org.test", password = Password, roles = new[] { "Administrator" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await director.PutAsJsonAsync($"api/v1/users/{created.GetProperty("id").GetString()}/roles", new { roles = new[] { "Moderator" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        await tenant.CreateUserAsync("employee3", Password, BuiltInRoles.Employee);
        using var employee = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "employee3", Password);
        // Employees search the directory at the same path (issue 4), but create nobody.
        await (await employee.PostAsJsonAsync("api/v1/users", new { userName = "nope", email = "nope@org.test", password = Password })).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_list_is_searched_and_paged_by_cursor_without_repeating_or_skipping_anyone()
    {
        for (var i = 0; i < 53; i++)
        {
            await tenant.CreateUserAsync($"pager{i:D2}", Password, BuiltInRoles.Employee);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await tenant.Admin.GetAsync($"api/v1/users?q=pager&cursor={Uri.EscapeDataString(cursor ?? "")}")).ExpectJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userName").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 53).Select(i => $"pager{i:D2}"), seen);
    }
}
