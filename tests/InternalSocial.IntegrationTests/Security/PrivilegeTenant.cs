using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>An account as the database holds it, to show that a refused request changed nothing.</summary>
public sealed record AccountState(string? Email, string? SecurityStamp, bool IsActive, DateTime? ErasedUtc, DateTime? GuestExpiresUtc, string? DisplayName, string Roles);

/// <summary>
/// A tenant set up with the <c>default</c> recipe, as the issue tried it: a communication director, two administrators
/// besides the first one, and an employee. Tokens are made directly: the sign-in API is rate limited.
/// </summary>
public abstract class PrivilegeTenant(DatabaseProvider provider) : TestTenant(provider, "default")
{
    public const string Password = "Pr1vilege-Password";

    private readonly Dictionary<string, string> _ids = [];

    public HttpClient Director { get; private set; } = null!;

    public HttpClient Lead { get; private set; } = null!;

    public HttpClient Employee { get; private set; } = null!;

    public static readonly string[] LeadPermissions = ["Users.ErasePeople", "Users.ManageRoles", "Users.ManageUsers", "Users.ViewDirectory"];

    public string IdOf(string userName) => _ids[userName];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var (userName, role) in new[] { ("director", BuiltInRoles.CommunicationDirector), ("chief", BuiltInRoles.Administrator), ("chief2", BuiltInRoles.Administrator), ("staff", BuiltInRoles.Employee), ("staff2", BuiltInRoles.Employee) })
        {
            await CreateUserAsync(userName, Password, role);
        }

        // An employee who also leads people: may manage roles and erase people, but does not moderate; the rule, not a
        // missing right, refuses them.
        await (await Admin.PutAsJsonAsync("api/v1/roles/PeopleLead", new { description = "Manages people and roles", permissions = LeadPermissions })).ExpectJsonAsync(HttpStatusCode.OK);
        await CreateUserAsync("lead", Password, BuiltInRoles.Employee);
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync("lead"))!, "PeopleLead")).Succeeded);
        });

        Director = await TokenClientAsync("director");
        Lead = await TokenClientAsync("lead");
        Employee = await TokenClientAsync("staff");
        await LoadIdsAsync();
    }

    /// <summary>A client signed in with the cookie through the sign-in form, for the administration pages.</summary>
    public async Task<HttpClient> BrowserAsync(string userName)
    {
        var client = Host.CreateClient(Prefix);
        var signedIn = await client.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    public async Task<AccountState> ReadAsync(string userName)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        return await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<UsersDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == _ids[userName]);
            var roles = await services.GetRequiredService<UserManager<User>>().GetRolesAsync(user);
            return new AccountState(user.Email, user.SecurityStamp, user.IsActive, user.ErasedUtc, user.GuestExpiresUtc, user.DisplayName, string.Join(",", roles.Order(StringComparer.Ordinal)));
        });
    }

    /// <summary>The permissions a role holds now, read through the roles API as the first administrator.</summary>
    public async Task<IReadOnlyList<string>> PermissionsOfAsync(string role)
    {
        var roles = await (await Admin.GetAsync("api/v1/roles")).ExpectJsonAsync(HttpStatusCode.OK);
        return [.. roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == role).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!)];
    }

    private async Task<HttpClient> TokenClientAsync(string userName)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        var token = await shell.InScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<User>>().FindByNameAsync(userName);
            return (await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user!.Id, "tests", null, CancellationToken.None)).Token;
        });
        var client = Host.CreateClient(Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task LoadIdsAsync()
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        var ids = await shell.InScopeAsync(async services =>
            await services.GetRequiredService<UsersDbContext>().Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id));
        foreach (var (name, id) in ids)
        {
            _ids[name] = id;
        }
    }
}

public sealed class PrivilegeSqliteTenant() : PrivilegeTenant(DatabaseProvider.Sqlite);

public sealed class PrivilegePostgresTenant() : PrivilegeTenant(DatabaseProvider.Postgres);
