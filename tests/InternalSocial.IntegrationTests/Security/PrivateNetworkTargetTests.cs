using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using InternalSocial.Users.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 9: the OpenID Connect authority and the SMTP server may not point at this machine or a private
/// network, by the API or a recipe, unless the host allows it (InternalSocial:AllowPrivateNetworkTargets, which the
/// test host turns on for its own provider and SMTP sink; these tests turn it off while they run).
/// </summary>
public abstract class PrivateNetworkTargetTests(PrivateNetworkTargetTests.Tenant tenant)
{
    public static readonly TheoryData<string> PrivateHosts = new() { "127.0.0.1", "localhost", "10.0.0.5", "172.20.1.1", "192.168.1.10", "169.254.169.254", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]" };

    [SkippableTheory]
    [MemberData(nameof(PrivateHosts))]
    public async Task An_smtp_server_on_a_private_address_is_refused_naming_the_host_and_nothing_changes(string host)
    {
        tenant.SkipIfUnavailable();
        var before = (await (await tenant.Admin.GetAsync("api/v1/email/settings")).ExpectJsonAsync(HttpStatusCode.OK)).GetRawText();

        var problem = await WithoutPrivateTargetsAsync(async () => await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings",
            new { host = host.Trim('[', ']'), port = 25, security = "None", fromAddress = "mail@org.test" })).ExpectProblemAsync(HttpStatusCode.BadRequest));

        Assert.Contains("private network", problem.GetProperty("errors").GetProperty("host").ToString(), StringComparison.Ordinal);
        Assert.Equal(before, (await (await tenant.Admin.GetAsync("api/v1/email/settings")).ExpectJsonAsync(HttpStatusCode.OK)).GetRawText());
    }

    [SkippableTheory]
    [MemberData(nameof(PrivateHosts))]
    public async Task An_openid_connect_authority_on_a_private_address_is_refused_by_the_api_and_by_a_recipe(string host)
    {
        tenant.SkipIfUnavailable();
        var before = (await (await tenant.Admin.GetAsync("api/v1/auth/openid-connect")).ExpectJsonAsync(HttpStatusCode.OK)).GetRawText();
        var authority = $"https://{host}/realms/staff";

        await WithoutPrivateTargetsAsync(async () =>
        {
            var problem = await (await tenant.Admin.PutAsJsonAsync("api/v1/auth/openid-connect",
                new { providerName = "Evil ID", authority, clientId = "site" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("private network", problem.GetProperty("errors").GetProperty("authority").ToString(), StringComparison.Ordinal);

            var recipe = JsonNode.Parse($$"""
                { "name": "sso", "steps": [ { "name": "openid-connect", "providerName": "Evil ID", "authority": "{{authority}}", "clientId": "site" } ] }
                """);
            var refused = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { recipe })).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("authority", refused.GetProperty("errors").ToString(), StringComparison.Ordinal);
            return true;
        });

        Assert.Equal(before, (await (await tenant.Admin.GetAsync("api/v1/auth/openid-connect")).ExpectJsonAsync(HttpStatusCode.OK)).GetRawText());
    }

    [SkippableFact]
    public async Task A_public_address_is_still_accepted()
    {
        tenant.SkipIfUnavailable();
        await WithoutPrivateTargetsAsync(async () => await (await tenant.Admin.PutAsJsonAsync("api/v1/email/settings",
            new { host = "203.0.113.25", port = 587, security = "StartTls", fromAddress = "mail@org.test" })).ExpectJsonAsync(HttpStatusCode.OK));
    }

    /// <summary>The host's option is shared by every tenant: tests of this collection run one at a time, and it is put back.</summary>
    private async Task<T> WithoutPrivateTargetsAsync<T>(Func<Task<T>> action)
    {
        var options = tenant.Host.Services.GetRequiredService<IOptions<InternalSocialOptions>>().Value;
        Assert.True(options.AllowPrivateNetworkTargets, "The test host allows private targets (HostFixture).");
        options.AllowPrivateNetworkTargets = false;
        try
        {
            return await action();
        }
        finally
        {
            options.AllowPrivateNetworkTargets = true;
        }
    }

    /// <summary>A tenant with e-mail and OpenID Connect sign-in on.</summary>
    public abstract class Tenant(DatabaseProvider provider) : TestTenant(provider, "minimal")
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!IsAvailable)
            {
                return;
            }

            foreach (var feature in new[] { "InternalSocial.Email", OpenIdConnectStartup.FeatureId })
            {
                await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }
        }
    }

    public sealed class SqliteTenant() : Tenant(DatabaseProvider.Sqlite);

    public sealed class PostgresTenant() : Tenant(DatabaseProvider.Postgres);
}

[Collection(WebCollection.Name)]
public sealed class PrivateNetworkTargetTestsOnSqlite(PrivateNetworkTargetTests.SqliteTenant tenant) : PrivateNetworkTargetTests(tenant), IClassFixture<PrivateNetworkTargetTests.SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PrivateNetworkTargetTestsOnPostgres(PrivateNetworkTargetTests.PostgresTenant tenant) : PrivateNetworkTargetTests(tenant), IClassFixture<PrivateNetworkTargetTests.PostgresTenant>;
