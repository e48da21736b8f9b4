using System.Net;
using InternalSocial.Charter.Services;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;
using static InternalSocial.IntegrationTests.Charter.CharterTenant;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// The gate remembers, per shell, who accepted: a person through the gate costs it no query, and the memory never
/// lets in someone who has not accepted what gates them now (a new material version, a person who accepted nothing,
/// an erased person).
/// </summary>
public abstract class CharterGateCacheTests(CharterTenant tenant)
{
    [SkippableFact]
    public async Task A_person_who_accepted_passes_without_a_query_and_a_material_version_gates_them_again_at_once()
    {
        tenant.SkipIfUnavailable();
        await tenant.PublishAsync("employees", material: true, "Remembered.");
        var (_, _, api) = await tenant.PersonAsync();
        await (await api.GetAsync("api/v1/polls")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await AcceptCurrentAsync(api);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);

        using (var recorder = await TenantCommandRecorder.StartAsync(tenant.Name))
        {
            for (var i = 0; i < 5; i++)
            {
                await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
            }

            Assert.Empty(TenantCommandRecorder.Selects(recorder.Commands, "Charter_Acceptances"));
        }

        var material = await tenant.PublishAsync("employees", material: true, "Remembered, then changed.");
        var problem = await (await api.GetAsync("api/v1/polls")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(material, problem.GetProperty("version").GetInt32());
        await AcceptCurrentAsync(api);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Someone_who_accepted_nothing_is_asked_every_time_and_let_in_as_soon_as_they_accept()
    {
        tenant.SkipIfUnavailable();
        await tenant.PublishAsync("employees", material: true, "Asked every time.");
        var (id, _, api) = await tenant.PersonAsync();
        for (var i = 0; i < 3; i++)
        {
            await (await api.GetAsync("api/v1/polls")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Null(await RememberedAsync(id));
        await AcceptCurrentAsync(api);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["employees"], await RememberedAsync(id) ?? []);
    }

    [SkippableFact]
    public async Task Erasing_a_person_forgets_them()
    {
        tenant.SkipIfUnavailable();
        await tenant.PublishAsync("employees", material: true, "Forgotten.");
        var (id, _, api) = await tenant.PersonAsync();
        await AcceptCurrentAsync(api);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(await RememberedAsync(id));

        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(services => services.GetRequiredService<IEventBus>().PublishAsync(new PersonErased(id, "tests"), CancellationToken.None));

        Assert.Null(await RememberedAsync(id));
    }

    /// <summary>What the gate remembers the person accepted of the current gates (null: nothing).</summary>
    private async Task<string[]?> RememberedAsync(string userId)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(async services =>
        {
            var gates = await services.GetRequiredService<CharterVersions>().GatesAsync(CancellationToken.None);
            return services.GetRequiredService<CharterAcceptedCache>().Find(userId, gates)?.Order(StringComparer.Ordinal).ToArray();
        });
    }
}

[Collection(WebCollection.Name)]
public sealed class CharterGateCacheTestsOnSqlite(CharterSqliteTenant tenant) : CharterGateCacheTests(tenant), IClassFixture<CharterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterGateCacheTestsOnPostgres(CharterPostgresTenant tenant) : CharterGateCacheTests(tenant), IClassFixture<CharterPostgresTenant>;
