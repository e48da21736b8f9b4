using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>Sign-in, personal access tokens, permissions on the server, lockout.</summary>
public abstract class AuthTests(TestTenant tenant)
{
    private const string EmployeePassword = "Empl0yee-Password";

    [SkippableFact]
    public async Task A_token_lists_the_features_and_a_revoked_token_no_longer_works()
    {
        tenant.SkipIfUnavailable();
        using var client = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "admin", HostFixture.AdminPassword);
        var features = await (await client.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(features.EnumerateArray(), f => f.GetProperty("id").GetString() == "InternalSocial.Users" && f.GetProperty("isEnabled").GetBoolean());

        var me = await (await client.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Contains(BuiltInRoles.Administrator, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var tokens = await (await client.GetAsync("api/v1/auth/tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        var newest = tokens.EnumerateArray().First().GetProperty("id").GetString();
        Assert.DoesNotContain("token", tokens.GetRawText(), StringComparison.Ordinal);
        await (await client.DeleteAsync($"api/v1/auth/tokens/{newest}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/features")).StatusCode);
    }

    [SkippableFact]
    public async Task Wrong_credentials_and_wrong_tokens_get_401_and_missing_fields_are_named()
    {
        tenant.SkipIfUnavailable();
        using var client = tenant.Host.CreateClient(tenant.Prefix);
        await (await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "admin", password = "not-the-password", name = "x" })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "nobody", password = "whatever-it-is", name = "x" })).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        var invalid = await (await client.PostAsJsonAsync("api/v1/auth/tokens", new { password = "x" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("userName", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("name", out _));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "isp_forged-token-value");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/features")).StatusCode);
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/features")).StatusCode);
    }

    [SkippableFact]
    public async Task An_employee_token_is_forbidden_on_admin_endpoints_but_works_elsewhere()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("employee1", EmployeePassword, BuiltInRoles.Employee);
        using var employee = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "employee1", EmployeePassword);

        await (await employee.GetAsync("api/v1/features")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.GetAsync("api/v1/settings")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("admin/features")).StatusCode);
        var me = await (await employee.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Employee"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [SkippableFact]
    public async Task Me_shows_the_persons_display_name_and_their_user_name_when_they_have_none()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("shona", EmployeePassword, BuiltInRoles.Employee);
        using var shona = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "shona", EmployeePassword);
        await (await shona.PatchAsJsonAsync("api/v1/users/me", new { displayName = "Shona Brightwater" })).ExpectJsonAsync(HttpStatusCode.OK);

        var me = await (await shona.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("shona", me.GetProperty("userName").GetString());
        Assert.Equal("Shona Brightwater", me.GetProperty("displayName").GetString());

        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByNameAsync("shona"))!;
            user.DisplayName = "";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        me = await (await shona.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("shona", me.GetProperty("displayName").GetString());
    }

    [SkippableFact]
    public async Task Signing_in_with_the_form_gives_a_session_cookie_that_opens_the_administration()
    {
        tenant.SkipIfUnavailable();
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var anonymousAdmin = await browser.GetAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, anonymousAdmin.StatusCode);
        Assert.Contains("/account/signin", anonymousAdmin.Headers.Location!.ToString(), StringComparison.Ordinal);

        var wrong = await browser.SignInAsync("admin", "wrong-password");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The user name or password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await browser.SignInAsync("admin", HostFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(".InternalSocial." + tenant.Name, string.Join(";", signedIn.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Contains("path=/" + tenant.Prefix, string.Join(";", signedIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        var home = await browser.GetStringAsync("");
        Assert.Contains("Welcome, admin", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("admin/features")).StatusCode);

        var signedOut = await browser.SubmitAsync("", "account/signout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("admin")).StatusCode);
    }

    [SkippableFact]
    public async Task A_form_post_without_its_antiforgery_token_is_rejected()
    {
        tenant.SkipIfUnavailable();
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var response = await browser.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = HostFixture.AdminPassword }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".InternalSocial.", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_the_account_even_with_the_right_one()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("lockme", EmployeePassword, BuiltInRoles.Employee);
        using var client = tenant.Host.CreateClient(tenant.Prefix);
        for (var i = 0; i < 4; i++)
        {
            await (await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "lockme", password = "wrong-password", name = "x" })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        }

        // The fifth failure locks the account.
        await (await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "lockme", password = "wrong-password", name = "x" })).ExpectProblemAsync(HttpStatusCode.Locked);

        var locked = await (await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "lockme", password = EmployeePassword, name = "x" })).ExpectProblemAsync(HttpStatusCode.Locked);
        Assert.Contains("locked", locked.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

[Collection(WebCollection.Name)]
public sealed class AuthOnSqlite(SqliteTenant tenant) : AuthTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class AuthOnPostgres(PostgresTenant tenant) : AuthTests(tenant), IClassFixture<PostgresTenant>;

/// <summary>Sign-in and token creation are rate limited per client address.</summary>
[Collection(WebCollection.Name)]
public sealed class AuthRateLimitTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task Too_many_token_requests_get_429()
    {
        using var client = tenant.Host.CreateClient(tenant.Prefix);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < HostFixture.AuthRequestsPerMinute + 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "nobody", password = "irrelevant", name = "x" })).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.Unauthorized) <= HostFixture.AuthRequestsPerMinute);
    }
}
