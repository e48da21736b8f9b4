using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static InternalSocial.IntegrationTests.Charter.CharterTenant;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// Acceptances are proof: no route edits or deletes one. Checked twice: no route of the tenant could (no PUT, PATCH or
/// DELETE under the charter, none naming acceptances), and after an administrator has called every route of the tenant,
/// the rows are as they were.
/// </summary>
public abstract partial class CharterRecordTests(CharterTenant tenant, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task No_route_edits_or_deletes_an_acceptance_and_calling_every_route_leaves_them_as_they_were()
    {
        tenant.SkipIfUnavailable();
        var routes = await RoutesAsync();
        var charterRoutes = routes.Where(r => r.Path.StartsWith("/api/v1/charter", StringComparison.Ordinal) || r.Path.StartsWith("/charter", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(charterRoutes);
        // The settings are the one thing under the charter that is replaced (PUT); they hold no acceptance.
        Assert.DoesNotContain(charterRoutes, r => r.Method is "PUT" or "PATCH" or "DELETE" && r.Path != "/api/v1/charter/settings");
        Assert.DoesNotContain(routes, r => r.Method is "PUT" or "PATCH" or "DELETE" && r.Path.Contains("acceptance", StringComparison.OrdinalIgnoreCase));

        await tenant.PublishAsync("employees", material: true, "Proof.");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await AcceptCurrentAsync((await tenant.PersonAsync()).Client);
        }

        await AcceptCurrentAsync(tenant.Admin);
        var before = await SnapshotAsync();

        // The charter's own routes, with what each takes: accepting again, declining by token, reminding, publishing an editorial fix.
        var current = (await MineAsync(tenant.Admin)).GetProperty("version").GetInt32();
        await (await tenant.Admin.PostAsJsonAsync("api/v1/charter/accept", new { version = current })).ExpectJsonAsync(System.Net.HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsync("api/v1/charter/decline", null)).ExpectJsonAsync(System.Net.HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/charter/reminders", new { audience = "employees" })).ExpectJsonAsync(System.Net.HttpStatusCode.OK);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/charter/versions", new { audience = "employees", material = false, texts = new { en = "Proof, fixed.", fr = "Preuve, corrigée." } })).ExpectJsonAsync(System.Net.HttpStatusCode.Created);

        // Then every route of the tenant, as the framework would be called with an empty body.
        // Sign-out and revocations last: they end the administrator's access, not the test.
        foreach (var (method, path) in routes.OrderBy(r => r.Path.Contains("signout", StringComparison.Ordinal) || r.Path.Contains("revoke", StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
            if (method != "GET")
            {
                request.Content = JsonContent.Create(new { });
            }

            using var response = await tenant.Admin.SendAsync(request);
        }

        output.WriteLine($"{routes.Count} routes called; {before.Split('\n').Length} acceptances compared.");
        Assert.Equal(before, await SnapshotAsync());
    }

    private Task<string> SnapshotAsync() => tenant.InDatabaseAsync(async db => string.Join("\n",
        (await db.Acceptances.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => $"{a.Id}|{a.VersionId}|{a.UserId}|{a.Language}|{a.AcceptedUtc:O}|{a.Method}|{a.ErasedUtc:O}")));

    private async Task<List<(string Method, string Path)>> RoutesAsync()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in shell.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + RouteValue().Replace((endpoint.RoutePattern.RawText ?? "").Trim('/'), "1");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add((method, path));
            }
        }

        return [.. routes.OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Item1, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}

[Collection(WebCollection.Name)]
public sealed class CharterRecordTestsOnSqlite(CharterSqliteTenant tenant, ITestOutputHelper output) : CharterRecordTests(tenant, output), IClassFixture<CharterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterRecordTestsOnPostgres(CharterPostgresTenant tenant, ITestOutputHelper output) : CharterRecordTests(tenant, output), IClassFixture<CharterPostgresTenant>;
