using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Enabling, disabling and re-enabling features of a running tenant, without a restart.</summary>
public abstract class FeatureLifecycleTests(TestTenant tenant)
{
    private HttpClient Admin => tenant.Admin;

    [SkippableFact]
    public async Task Enabling_a_feature_makes_its_endpoint_answer_and_disabling_makes_it_404_and_data_survives()
    {
        tenant.SkipIfUnavailable();
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("api/v1/quicklinks")).StatusCode);

        var enabled = await (await Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains("InternalSocial.QuickLinks", enabled.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
        await (await Admin.PostAsJsonAsync("api/v1/quicklinks", new { title = "HR portal", url = "https://hr.example.test" })).ExpectJsonAsync(HttpStatusCode.Created);

        await (await Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("api/v1/quicklinks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("links")).StatusCode);

        await (await Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var links = await (await Admin.GetAsync("api/v1/quicklinks")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("HR portal", Assert.Single(links.EnumerateArray()).GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task Enabling_a_feature_enables_what_it_needs_and_disabling_a_needed_feature_is_refused_naming_its_dependents()
    {
        tenant.SkipIfUnavailable();
        var enabled = await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe.Dependent/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["InternalSocial.Probe", "InternalSocial.Probe.Dependent"], enabled.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("probe/dependent")).StatusCode);

        var refused = await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe/disable", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("InternalSocial.Probe.Dependent", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("probe/dependent")).StatusCode);

        var features = await (await Admin.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        var probe = features.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "InternalSocial.Probe");
        Assert.True(probe.GetProperty("isEnabled").GetBoolean());
        Assert.Equal(["InternalSocial.Probe.Dependent"], probe.GetProperty("enabledDependents").EnumerateArray().Select(e => e.GetString()));

        await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe.Dependent/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("probe/dependent")).StatusCode);
    }

    [SkippableFact]
    public async Task Always_enabled_and_unknown_features_are_refused_with_problems()
    {
        tenant.SkipIfUnavailable();
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Users/disable", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        var unknown = await (await Admin.PostAsync("api/v1/features/No.Such.Feature/enable", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("No.Such.Feature", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Tenants/enable", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task A_failing_migration_leaves_the_feature_off_and_the_database_consistent()
    {
        tenant.SkipIfUnavailable();
        // A fresh tenant, so that the probe's migrations have never run in its database.
        var name = tenant.Name + "m";
        await tenant.CreateAndSetUpAsync(name, name, tenant.Provider, "minimal");
        using var admin = await tenant.Host.CreateTokenClientAsync(name, "admin", HostFixture.AdminPassword);
        ProbeMigrationSwitch.FailSecondMigration = true;
        try
        {
            var failed = await (await admin.PostAsync("api/v1/features/InternalSocial.Probe/enable", null)).ExpectProblemAsync(HttpStatusCode.InternalServerError);
            Assert.Contains("migrations of module 'InternalSocial.Probe' failed", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            ProbeMigrationSwitch.FailSecondMigration = false;
        }

        var features = await (await admin.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(features.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "InternalSocial.Probe").GetProperty("isEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("probe/notes")).StatusCode);

        // The first migration stayed applied and recorded, the failed one was rolled back (its index too): enabling
        // again applies the second migration once, and the feature works.
        await (await admin.PostAsync("api/v1/features/InternalSocial.Probe/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync("probe/notes?text=kept", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var notes = await (await admin.GetAsync("probe/notes")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["kept"], notes.EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task Fifty_requests_in_flight_while_a_feature_is_toggled_all_succeed_and_old_shells_are_disposed()
    {
        tenant.SkipIfUnavailable();
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        var shells = new List<InternalSocial.Kernel.Shells.ShellContext> { tenant.Host.ShellHost.GetCurrentShell(tenant.Name)! };
        var firstShellId = await (await Admin.GetAsync("probe/slow?ms=1")).Content.ReadFromJsonAsync<Guid>();

        // Slow requests are in flight on the current shell when the first toggle rebuilds it.
        var requests = Enumerable.Range(0, 50).Select(i => Admin.GetAsync($"probe/slow?ms={100 + (i * 10)}")).ToList();
        var quickLinksOn = await IsEnabledAsync("InternalSocial.QuickLinks");
        for (var i = 0; i < 4; i++)
        {
            quickLinksOn = !quickLinksOn;
            var changed = await (await Admin.PostAsync($"api/v1/features/InternalSocial.QuickLinks/{(quickLinksOn ? "enable" : "disable")}", null)).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Single(changed.GetProperty("changed").EnumerateArray());
            shells.Add(tenant.Host.ShellHost.GetCurrentShell(tenant.Name)!);
        }

        var responses = await Task.WhenAll(requests);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // The first requests started before any toggle, so they were served by the first shell, not a later one.
        var servedBy = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<Guid>()));
        Assert.Contains(firstShellId, servedBy);

        var current = tenant.Host.ShellHost.GetCurrentShell(tenant.Name);
        Assert.Same(shells[^1], current);
        for (var attempt = 0; attempt < 50 && shells.Take(shells.Count - 1).Any(s => !s.IsDisposed); attempt++)
        {
            await Task.Delay(20);
        }

        Assert.All(shells.Take(shells.Count - 1), s => Assert.True(s.IsDisposed, "An old shell was not disposed after its requests ended."));
        Assert.False(current!.IsDisposed);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("probe/slow?ms=1")).StatusCode);
        await (await Admin.PostAsync("api/v1/features/InternalSocial.Probe/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
    }

    private async Task<bool> IsEnabledAsync(string featureId)
    {
        var features = await (await Admin.GetAsync("api/v1/features")).ExpectJsonAsync(HttpStatusCode.OK);
        return features.EnumerateArray().Single(f => f.GetProperty("id").GetString() == featureId).GetProperty("isEnabled").GetBoolean();
    }
}

[Collection(WebCollection.Name)]
public sealed class FeatureLifecycleOnSqlite(SqliteTenant tenant) : FeatureLifecycleTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class FeatureLifecycleOnPostgres(PostgresTenant tenant) : FeatureLifecycleTests(tenant), IClassFixture<PostgresTenant>;
