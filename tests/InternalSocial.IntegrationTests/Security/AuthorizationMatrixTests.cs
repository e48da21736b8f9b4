using System.Text;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Every route under /api/v1 and every form POST of a tenant with every feature on (and of the Default tenant, for the
/// routes only it has), called by each kind of person, must answer exactly the status that
/// <c>Security/AuthorizationMatrix.json</c> declares. A route missing from the table fails, so no route is added without
/// deciding who may call it; a row whose route is gone fails too. With INTERNALSOCIAL_MATRIX_RECORD=1 the test writes
/// what it saw into the table instead (new rows get a guessed request), for a person to read and correct.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public const string RecordVariable = "INTERNALSOCIAL_MATRIX_RECORD";

    public sealed class Fixture() : TestTenant(DatabaseProvider.Sqlite, "default")
    {
        public MatrixSite Site { get; private set; } = null!;

        public MatrixSite DefaultSite { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var enabled = await Admin.PostAsync("api/v1/features/InternalSocial.Users.OpenIdConnect/enable", null);
            Assert.True(enabled.IsSuccessStatusCode, await enabled.Content.ReadAsStringAsync());
            Site = new MatrixSite(Host, Name, Prefix, "");
            await Site.SetUpPeopleAsync();
            await Site.SetUpContentAsync();
            DefaultSite = new MatrixSite(Host, ShellSettings.DefaultName, "", "mx-");
            await DefaultSite.SetUpPeopleAsync();
        }
    }

    [Fact]
    public async Task Every_route_answers_each_caller_exactly_what_the_table_declares()
    {
        var table = AuthorizationMatrixTable.Load();
        Assert.Equal(AuthorizationMatrixTable.Callers, table.CallerOrder);
        var routes = await RoutesAsync(fixture.Site.TenantName);
        foreach (var (key, route) in await RoutesAsync(ShellSettings.DefaultName))
        {
            routes.TryAdd(key, route with { OnDefault = true });
        }

        var record = Environment.GetEnvironmentVariable(RecordVariable) == "1";
        var problems = new StringBuilder();
        var missing = routes.Keys.Where(k => !table.Routes.ContainsKey(k)).ToList();
        var stale = table.Routes.Keys.Where(k => !routes.ContainsKey(k)).ToList();
        foreach (var key in stale)
        {
            problems.AppendLine($"{key}: in the table, but no such route.");
            table.Routes.Remove(key);
        }

        foreach (var key in missing)
        {
            problems.AppendLine($"{key}: not in the table; decide who may call it.");
            table.Routes[key] = new MatrixRow
            {
                Request = MatrixRequests.Guess(routes[key].Method, routes[key].Pattern),
                Phase = key.Contains("signout", StringComparison.Ordinal) || key.Contains("revoke-others", StringComparison.Ordinal) ? 2 : 0,
            };
        }

        var cells = 0;
        foreach (var (key, row) in table.Routes.OrderBy(r => r.Value.Phase))
        {
            var route = routes[key];
            var (site, other) = route.OnDefault ? (fixture.DefaultSite, fixture.Site) : (fixture.Site, fixture.DefaultSite);
            var expected = row.Expect.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var actual = new List<string>();
            foreach (var caller in AuthorizationMatrixTable.Callers)
            {
                try
                {
                    actual.Add(await site.SendAsync(caller, route.Method, route.IsApi, row, other));
                }
                catch (Exception exception) when (record)
                {
                    output.WriteLine($"  {caller}: {exception.Message}");
                    actual.Add("error");
                }

                cells++;
            }

            var seen = string.Join(' ', actual);
            if (!missing.Contains(key) && seen != string.Join(' ', expected))
            {
                problems.AppendLine($"{key} ({row.Request}): expected {row.Expect}, got {seen}  [{string.Join(' ', AuthorizationMatrixTable.Callers)}]");
            }

            row.Expect = seen;
        }

        output.WriteLine($"Authorization matrix: {routes.Count} routes ({routes.Values.Count(r => r.IsApi)} API, {routes.Values.Count(r => !r.IsApi)} form posts) × {AuthorizationMatrixTable.Callers.Length} callers = {cells} cells checked.");
        if (record)
        {
            table.Save();
            Assert.Fail($"Recorded {cells} cells into {AuthorizationMatrixTable.SourcePath}; read the diff before committing it.\n{problems}");
        }

        Assert.True(problems.Length == 0, $"The authorization matrix differs from {AuthorizationMatrixTable.SourcePath} (set {RecordVariable}=1 to record what the routes answer, then read the diff):\n{problems}");
        Assert.True(routes.Count > 250, $"Only {routes.Count} routes were found: the tenant is not fully featured.");
    }

    private sealed record Route(string Method, string Pattern, bool IsApi, bool OnDefault = false);

    /// <summary>The tenant's API routes and form posts, keyed "METHOD /pattern". Hubs check their own callers.</summary>
    private async Task<Dictionary<string, Route>> RoutesAsync(string tenantName)
    {
        var shell = await fixture.Host.ShellHost.GetOrCreateShellAsync(tenantName, CancellationToken.None);
        var routes = new Dictionary<string, Route>(StringComparer.Ordinal);
        foreach (var endpoint in shell.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var isApi = pattern.StartsWith("/api/v1/", StringComparison.Ordinal);
            var isForm = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not null;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (isApi || (isForm && method == HttpMethods.Post))
                {
                    routes[$"{method} {pattern}"] = new Route(method, pattern, isApi);
                }
            }
        }

        return routes;
    }
}
