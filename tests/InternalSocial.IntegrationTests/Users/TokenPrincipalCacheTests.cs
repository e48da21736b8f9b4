using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Authentication;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>
/// The token → principal cache (<see cref="AccessTokenPrincipalCache"/>): a token's principal is reused between requests,
/// and every change that should end or change it is seen at the very next request.
/// </summary>
public abstract class TokenPrincipalCacheTests(TestTenant tenant)
{
    [SkippableFact]
    public async Task A_token_is_read_once_then_served_from_the_cache_and_a_revoked_one_stops_at_the_next_request()
    {
        tenant.SkipIfUnavailable();
        var (_, token, tokenId, client) = await CreateMemberAsync("cached1", BuiltInRoles.Employee);
        await (await client.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(await IsCachedAsync(token), "the first request should leave the token's principal in the cache");
        var me = await (await client.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("cached1", me.GetProperty("userName").GetString());

        await (await client.DeleteAsync($"api/v1/auth/tokens/{tokenId}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.False(await IsCachedAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task A_deactivated_person_and_a_locked_out_one_lose_their_cached_token_at_the_next_request()
    {
        tenant.SkipIfUnavailable();
        var (leaverId, leaverToken, _, leaver) = await CreateMemberAsync("leaver1", BuiltInRoles.Employee);
        var (lockedId, lockedToken, _, locked) = await CreateMemberAsync("locked1", BuiltInRoles.Employee);
        await (await leaver.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        await (await locked.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(await IsCachedAsync(leaverToken));
        Assert.True(await IsCachedAsync(lockedToken));

        await (await tenant.Admin.PostAsync($"api/v1/users/{leaverId}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("api/v1/auth/me")).StatusCode);

        // Locked out by failed passwords elsewhere (Identity's user manager saves the lockout end).
        await InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(lockedId);
            Assert.True((await users.SetLockoutEndDateAsync(user!, tenant.Host.Clock.GetUtcNow().AddMinutes(5))).Succeeded);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await locked.GetAsync("api/v1/auth/me")).StatusCode);

        // The other people's tokens were not thrown away with theirs.
        await (await tenant.Admin.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task New_roles_and_a_role_given_new_permissions_apply_at_the_next_request()
    {
        tenant.SkipIfUnavailable();
        var (memberId, _, _, member) = await CreateMemberAsync("promoted1", BuiltInRoles.Employee);
        await (await member.GetAsync("api/v1/features")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        await (await tenant.Admin.PutAsJsonAsync("api/v1/roles/FeatureKeepers", new { description = "Cache test role", permissions = Array.Empty<string>() })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync($"api/v1/users/{memberId}/roles", new { roles = new[] { BuiltInRoles.Employee, "FeatureKeepers" } })).ExpectJsonAsync(HttpStatusCode.NoContent);
        var me = await (await member.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("FeatureKeepers", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await (await member.GetAsync("api/v1/features")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        await (await tenant.Admin.PutAsJsonAsync("api/v1/roles/FeatureKeepers", new { description = "Cache test role", permissions = new[] { "Admin.ManageFeatures" } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await member.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);

        await (await tenant.Admin.PutAsJsonAsync($"api/v1/users/{memberId}/roles", new { roles = new[] { BuiltInRoles.Employee } })).ExpectJsonAsync(HttpStatusCode.NoContent);
        me = await (await member.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("FeatureKeepers", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await (await member.GetAsync("api/v1/features")).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_token_that_expires_while_its_principal_is_cached_is_refused_at_its_expiry()
    {
        tenant.SkipIfUnavailable();
        var (_, token, tokenId, client) = await CreateMemberAsync("expiring1", BuiltInRoles.Employee);
        var expires = tenant.Host.Clock.GetUtcNow().UtcDateTime.AddSeconds(10);
        await InScopeAsync(async services =>
            await services.GetRequiredService<UsersDbContext>().AccessTokens.Where(t => t.Id == tokenId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresUtc, expires)));
        await (await client.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(await IsCachedAsync(token));

        // 20 s later the entry is still fresh (it lives 30 s) but the token has expired: the expiry is checked on every hit.
        try
        {
            tenant.Host.Clock.Advance(TimeSpan.FromSeconds(20));
            Assert.True(await IsCachedAsync(token));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/auth/me")).StatusCode);
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }
    }

    private async Task<(string Id, string Token, string TokenId, HttpClient Client)> CreateMemberAsync(string userName, string role)
    {
        var (id, token, tokenId) = await InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = userName, Email = $"{userName}@{tenant.Name}.test", DisplayName = userName, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            var created = await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user.Id, "tests", null, CancellationToken.None);
            return (user.Id, created.Token, created.Id);
        });
        var client = tenant.Host.CreateClient(tenant.Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (id, token, tokenId, client);
    }

    private async Task<bool> IsCachedAsync(string token)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return shell.Services.GetRequiredService<AccessTokenPrincipalCache>().TryGet(AccessTokenService.Hash(token), out _);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(action);
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> action) => await InScopeAsync(async services =>
    {
        await action(services);
        return true;
    });
}

[Collection(WebCollection.Name)]
public sealed class TokenPrincipalCacheOnSqlite(SqliteTenant tenant) : TokenPrincipalCacheTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class TokenPrincipalCacheOnPostgres(PostgresTenant tenant) : TokenPrincipalCacheTests(tenant), IClassFixture<PostgresTenant>;
