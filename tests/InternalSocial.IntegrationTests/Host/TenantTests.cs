using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Tenants under URL prefixes: isolation of features and data, and their states.</summary>
public abstract class TenantTests(TestTenant tenant)
{
    [SkippableFact]
    public async Task Two_tenants_see_only_their_own_features_data_and_tokens()
    {
        tenant.SkipIfUnavailable();
        var otherName = tenant.Name + "b";
        await tenant.CreateAndSetUpAsync(otherName, otherName, tenant.Provider, "minimal");
        using var other = await tenant.Host.CreateTokenClientAsync(otherName, "admin", HostFixture.AdminPassword);

        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/quicklinks", new { title = "Only in A", url = "/a" })).ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("api/v1/quicklinks")).StatusCode);
        var otherFeatures = await (await other.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(otherFeatures.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "InternalSocial.QuickLinks").GetProperty("isEnabled").GetBoolean());

        await (await other.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var otherLinks = await (await other.GetAsync("api/v1/quicklinks")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Empty(otherLinks.EnumerateArray());
        var links = await (await tenant.Admin.GetAsync("api/v1/quicklinks")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(links.EnumerateArray(), l => l.GetProperty("title").GetString() == "Only in A");

        // A token of one tenant means nothing in another, even for a user of the same name.
        using var crossed = tenant.Host.CreateClient(otherName);
        crossed.DefaultRequestHeaders.Authorization = tenant.Admin.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Unauthorized, (await crossed.GetAsync("api/v1/features")).StatusCode);

        // The Tenants feature belongs to the Default tenant only.
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync("api/v1/tenants")).StatusCode);
    }

    [SkippableFact]
    public async Task A_disabled_tenant_answers_404_and_is_back_when_enabled()
    {
        tenant.SkipIfUnavailable();
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync("api/v1/auth/me")).StatusCode);

        var disabled = await (await tenant.Host.DefaultAdmin.PostAsync($"api/v1/tenants/{tenant.Name}/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Disabled", disabled.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync("api/v1/auth/me")).StatusCode);

        await (await tenant.Host.DefaultAdmin.PostAsync($"api/v1/tenants/{tenant.Name}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync("api/v1/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task A_tenant_being_set_up_answers_503_with_retry_after()
    {
        tenant.SkipIfUnavailable();
        var shellHost = tenant.Host.ShellHost;
        var running = shellHost.Get(tenant.Name);
        await shellHost.SaveSettingsAsync(running with { State = TenantState.Initializing }, CancellationToken.None);
        try
        {
            var response = await tenant.Admin.GetAsync("api/v1/auth/me");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            await shellHost.SaveSettingsAsync(running, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync("api/v1/auth/me")).StatusCode);
    }
}

[Collection(WebCollection.Name)]
public sealed class TenantsOnSqlite(SqliteTenant tenant) : TenantTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class TenantsOnPostgres(PostgresTenant tenant) : TenantTests(tenant), IClassFixture<PostgresTenant>;

/// <summary>The Default tenant's tenants API: who may use it, and what it refuses.</summary>
[Collection(WebCollection.Name)]
public sealed class TenantsApiTests(HostFixture host)
{
    [Fact]
    public async Task Bad_tenant_definitions_are_refused_naming_the_field()
    {
        var badName = await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name = "1 bad name", requestUrlPrefix = "ok" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badName.GetProperty("errors").TryGetProperty("name", out _));

        var reserved = await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name = "Reserved", requestUrlPrefix = "api" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reserved", reserved.GetProperty("errors").GetProperty("requestUrlPrefix")[0].GetString(), StringComparison.Ordinal);

        var nowhere = await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name = "Nowhere" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(nowhere.GetProperty("errors").TryGetProperty("requestUrlPrefix", out _));

        var noConnection = await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name = "NoConnection", requestUrlPrefix = "noconnection", databaseProvider = "Postgres" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noConnection.GetProperty("errors").TryGetProperty("connectionString", out _));

        await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name = "Twice", requestUrlPrefix = "twice" })).ExpectJsonAsync(HttpStatusCode.Created);
        var duplicate = await (await host.DefaultAdmin.PostAsJsonAsync("api/v1/tenants", new { name = "twice", requestUrlPrefix = "twice2" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(duplicate.GetProperty("errors").TryGetProperty("name", out _));

        await (await host.DefaultAdmin.PostAsync("api/v1/tenants/Default/disable", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await host.DefaultAdmin.GetAsync("api/v1/tenants/Nope")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tenants_list_never_shows_connection_strings()
    {
        var tenants = await (await host.DefaultAdmin.GetAsync("api/v1/tenants")).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Contains(tenants.EnumerateArray(), t => t.GetProperty("name").GetString() == "Default");
        Assert.DoesNotContain("connectionString", tenants.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
