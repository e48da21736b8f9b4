using System.Net.Http.Headers;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>A tenant with the Feed (and the probe that counts queries) enabled, and a quick way to add people.</summary>
public abstract class FeedTenant(DatabaseProvider provider) : TestTenant(provider, "minimal")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var feature in new[] { "InternalSocial.Feed", "InternalSocial.Probe" })
        {
            var enabled = await Admin.PostAsync($"api/v1/features/{feature}/enable", null);
            Assert.True(enabled.IsSuccessStatusCode, await enabled.Content.ReadAsStringAsync());
        }
    }

    private HttpClient? _browser;

    /// <summary>A cookie client signed in as the administrator through the form, once per tenant (sign-in is rate limited).</summary>
    public async Task<HttpClient> AdminBrowserAsync()
    {
        if (_browser is null)
        {
            var browser = Host.CreateClient(Prefix);
            var signedIn = await browser.SignInAsync("admin", HostFixture.AdminPassword);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
            _browser = browser;
        }

        return _browser;
    }

    /// <summary>A person holding one role, and an API client with their token (made directly: the sign-in API is rate limited).</summary>
    public async Task<(string Id, HttpClient Client)> CreateMemberAsync(string userName, string role)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        var (id, token) = await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = userName, Email = $"{userName}@{Name}.test", DisplayName = userName, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            var created = await users.CreateAsync(user);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            var token = await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user.Id, "tests", null, CancellationToken.None);
            return (user.Id, token.Token);
        });
        var client = Host.CreateClient(Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (id, client);
    }

    /// <summary>Moves a person to another department, as an import or an administrator would.</summary>
    public async Task SetDepartmentAsync(string userId, string department)
    {
        var shell = await Host.ShellHost.GetOrCreateShellAsync(Name, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<UsersDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.Department = department;
            await db.SaveChangesAsync();
            return true;
        });
    }
}

public sealed class FeedSqliteTenant() : FeedTenant(DatabaseProvider.Sqlite);

public sealed class FeedPostgresTenant() : FeedTenant(DatabaseProvider.Postgres);
