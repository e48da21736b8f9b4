using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.BackgroundTasks;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Background tasks run in the tenants whose feature contributes them, no more often than their interval.</summary>
[Collection(WebCollection.Name)]
public sealed class BackgroundTaskTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task A_task_runs_only_where_its_feature_is_on_and_not_again_within_its_interval()
    {
        var runner = tenant.Host.Services.GetRequiredService<BackgroundTaskRunner>();
        await runner.RunDueTasksAsync(CancellationToken.None);
        Assert.False(ProbeBackgroundTask.Runs.ContainsKey(tenant.Name));

        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.Probe.Dependent/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await runner.RunDueTasksAsync(CancellationToken.None);
        await runner.RunDueTasksAsync(CancellationToken.None);
        Assert.Equal(1, ProbeBackgroundTask.Runs[tenant.Name]);

        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.Probe.Dependent/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        ProbeBackgroundTask.Runs.TryRemove(tenant.Name, out _);
        await runner.RunDueTasksAsync(CancellationToken.None);
        Assert.False(ProbeBackgroundTask.Runs.ContainsKey(tenant.Name));
    }
}
