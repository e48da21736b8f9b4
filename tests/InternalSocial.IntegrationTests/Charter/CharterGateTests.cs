using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using InternalSocial.Charter.Gate;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static InternalSocial.IntegrationTests.Charter.CharterTenant;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// The gate: over every route of the tenant, a person who has not accepted is sent to the charter (pages) or refused
/// with the charter's problem (everything else), by token and by cookie alike; accepting opens, a material change
/// closes again, an editorial fix does not, guests get theirs.
/// </summary>
public abstract partial class CharterGateTests(CharterTenant tenant, ITestOutputHelper output)
{
    /// <summary>
    /// What the issue lets a person reach before accepting, written here rather than read from the gate: widening the
    /// gate's exemptions must fail this test.
    /// </summary>
    private static readonly string[] Reachable =
    [
        "/charter", "/api/v1/charter", "/health", "/setup", "/error",
        "/account/signin", "/account/signout", "/account/denied", "/account/forgot", "/account/reset",
        "/account/register", "/account/confirm", "/account/invitation", "/account/external",
        "/api/v1/users/me/export", "/language",
    ];

    [SkippableFact]
    public async Task Every_route_sends_a_person_who_has_not_accepted_to_the_charter_by_token_and_by_cookie_until_they_accept()
    {
        tenant.SkipIfUnavailable();
        await tenant.PublishAsync("employees", material: true, "Be kind.");
        var (_, userName, api) = await tenant.PersonAsync();
        var browser = await tenant.BrowserAsync(userName);
        var routes = await RoutesAsync();
        var exempt = routes.Select(r => r.Path).Where(p => GateExemptions.IsExempt(new PathString(p))).Distinct().ToList();
        Assert.All(exempt, path => Assert.Contains(Reachable, prefix => path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase)));
        var problems = new StringBuilder();
        var checkedRoutes = 0;
        foreach (var (method, path) in routes)
        {
            if (GateExemptions.IsExempt(new PathString(path)))
            {
                continue;
            }

            checkedRoutes++;
            foreach (var (caller, client) in new[] { ("token", api), ("cookie", browser) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
                if (method != "GET")
                {
                    request.Content = JsonContent.Create(new { });
                }

                using var response = await client.SendAsync(request);
                var problem = await GateProblemAsync(method, path, response);
                if (problem is not null)
                {
                    problems.AppendLine($"{caller} {method} {path}: {problem}");
                }
            }
        }

        output.WriteLine($"{checkedRoutes} routes checked twice (token, cookie) out of {routes.Count}.");
        Assert.True(problems.Length == 0, problems.ToString());
        Assert.True(checkedRoutes > 250, $"Only {checkedRoutes} routes were checked: the tenant is not fully featured.");

        await AcceptCurrentAsync(api);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("polls")).StatusCode);
    }

    [SkippableFact]
    public async Task The_gate_answers_api_calls_with_the_charter_problem_and_pages_with_a_redirect_keeping_the_return_url()
    {
        tenant.SkipIfUnavailable();
        var number = await tenant.PublishAsync("employees", material: true, "Respect everyone.");
        var (_, userName, api) = await tenant.PersonAsync();
        var problem = await (await api.GetAsync("api/v1/polls")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(CharterGateResponse.ProblemType, problem.GetProperty("type").GetString());
        Assert.Equal($"/{tenant.Prefix}/api/v1/charter/accept", problem.GetProperty("acceptUrl").GetString());
        Assert.Equal(number, problem.GetProperty("version").GetInt32());

        var browser = await tenant.BrowserAsync(userName);
        var page = await browser.GetAsync("polls?tab=mine");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/{tenant.Prefix}/charter?returnUrl={Uri.EscapeDataString($"/{tenant.Prefix}/polls?tab=mine")}", page.Headers.Location?.OriginalString);

        // Still reachable: the charter's own API, signing out.
        await (await api.GetAsync("api/v1/charter")).ExpectJsonAsync(HttpStatusCode.OK);
        var signOut = await browser.PostAsync("account/signout", null);
        Assert.DoesNotContain("/charter", signOut.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Forbidden, signOut.StatusCode);
    }

    [SkippableFact]
    public async Task A_material_change_gates_everyone_again_and_an_editorial_fix_gates_no_one()
    {
        tenant.SkipIfUnavailable();
        var first = await tenant.PublishAsync("employees", material: true, "Version A.");
        var (_, _, api) = await tenant.PersonAsync();
        await AcceptCurrentAsync(api);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);

        var fix = await tenant.PublishAsync("employees", material: false, "Version A, spelt right.");
        Assert.Equal(first + 1, fix);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
        var mine = await MineAsync(api);
        Assert.Equal(fix, mine.GetProperty("version").GetInt32());
        Assert.True(mine.GetProperty("accepted").GetBoolean());
        Assert.Equal("Version A, spelt right.", mine.GetProperty("markdown").GetString());

        var material = await tenant.PublishAsync("employees", material: true, "Version B.");
        var problem = await (await api.GetAsync("api/v1/polls")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(material, problem.GetProperty("version").GetInt32());
        Assert.False((await MineAsync(api)).GetProperty("accepted").GetBoolean());
        await AcceptCurrentAsync(api);
        await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_guest_gets_the_guest_charter_and_is_gated_by_it_alone()
    {
        tenant.SkipIfUnavailable();
        await tenant.PublishAsync("employees", material: true, "For employees.");
        var (_, _, guest) = await tenant.PersonAsync(BuiltInRoles.Guest);
        var guestVersion = await tenant.PublishAsync("guests", material: true, "For guests.");
        var mine = await MineAsync(guest);
        Assert.Equal("guests", mine.GetProperty("audience").GetString());
        Assert.Equal("For guests.", mine.GetProperty("markdown").GetString());
        Assert.Equal(guestVersion, mine.GetProperty("version").GetInt32());
        var problem = await (await guest.GetAsync("api/v1/feed")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("guests", problem.GetProperty("audience").GetString());

        // The guest may not read the employees' charter, nor accept another version than their own.
        await (await guest.GetAsync("api/v1/charter/versions/employees/1")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await AcceptCurrentAsync(guest);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await guest.GetAsync("api/v1/feed")).StatusCode);
    }

    [SkippableFact]
    public async Task Accepting_a_version_that_is_not_the_current_one_is_a_conflict_and_accepting_twice_records_once()
    {
        tenant.SkipIfUnavailable();
        var current = await tenant.PublishAsync("employees", material: true, "Current.");
        var (id, _, api) = await tenant.PersonAsync();
        await (await api.PostAsJsonAsync("api/v1/charter/accept", new { version = current - 1 })).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await api.PostAsJsonAsync("api/v1/charter/accept", new { version = current + 1 })).ExpectProblemAsync(HttpStatusCode.Conflict);
        var missing = await (await api.PostAsJsonAsync("api/v1/charter/accept", new { })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _));

        await (await api.PostAsJsonAsync("api/v1/charter/accept", new { version = current, language = "fr" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await api.PostAsJsonAsync("api/v1/charter/accept", new { version = current })).ExpectJsonAsync(HttpStatusCode.NoContent);
        var rows = await tenant.InDatabaseAsync(db => Task.FromResult(db.Acceptances.Where(a => a.UserId == id).ToList()));
        var row = Assert.Single(rows);
        Assert.Equal("fr", row.Language);
        Assert.Equal("api", row.Method);
    }

    [SkippableFact]
    public async Task Turning_the_feature_off_removes_the_gate_at_once_and_keeps_the_records()
    {
        tenant.SkipIfUnavailable();
        await tenant.PublishAsync("employees", material: true, "Before turning off.");
        await AcceptCurrentAsync(tenant.Admin);
        var (_, _, api) = await tenant.PersonAsync();
        await (await api.GetAsync("api/v1/polls")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var before = await tenant.InDatabaseAsync(db => Task.FromResult((db.Versions.Count(), db.Acceptances.Count())));
        try
        {
            foreach (var feature in new[] { "InternalSocial.Charter.Feed", "InternalSocial.Charter.Moderation", "InternalSocial.Charter.Workflows", "InternalSocial.Charter.Notifications", "InternalSocial.Charter" })
            {
                await (await tenant.Admin.PostAsync($"api/v1/features/{feature}/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }

            await (await api.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("api/v1/charter")).StatusCode);
        }
        finally
        {
            foreach (var feature in new[] { "InternalSocial.Charter.Notifications", "InternalSocial.Charter.Workflows", "InternalSocial.Charter.Feed", "InternalSocial.Charter.Moderation" })
            {
                await (await tenant.Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }
        }

        Assert.Equal(before, await tenant.InDatabaseAsync(db => Task.FromResult((db.Versions.Count(), db.Acceptances.Count()))));
        await (await api.GetAsync("api/v1/polls")).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Null when the response is the gate's, else what is wrong with it.</summary>
    private static async Task<string?> GateProblemAsync(string method, string path, HttpResponseMessage response)
    {
        if (GateExemptions.IsPage(new DefaultHttpContext { Request = { Method = method, Path = path } }.Request))
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return response.StatusCode == HttpStatusCode.Redirect && location.Contains("/charter?returnUrl=", StringComparison.Ordinal)
                ? null
                : $"expected a redirect to the charter, got {(int)response.StatusCode} {location}";
        }

        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Forbidden && body.Contains(CharterGateResponse.ProblemType, StringComparison.Ordinal)
            ? null
            : $"expected 403 with the charter problem, got {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
    }

    /// <summary>Every route of the tenant's endpoint data source, with each route value filled with some value.</summary>
    private async Task<List<(string Method, string Path)>> RoutesAsync()
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in shell.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + RouteValue().Replace((endpoint.RoutePattern.RawText ?? "").Trim('/'), match =>
                match.Groups["regex"].Success ? match.Groups["regex"].Value : "1");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add((method, path));
            }
        }

        return [.. routes.OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Item1, StringComparer.Ordinal)];
    }

    /// <summary>A route parameter; a <c>regex(^(a|b)$)</c> constraint gives its first alternative.</summary>
    [GeneratedRegex(@"\{[^}:]+(:regex\(\^\((?<regex>[^|)]+)[^}]*|[^}]*)\}")]
    private static partial Regex RouteValue();
}

[Collection(WebCollection.Name)]
public sealed class CharterGateTestsOnSqlite(CharterSqliteTenant tenant, ITestOutputHelper output) : CharterGateTests(tenant, output), IClassFixture<CharterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterGateTestsOnPostgres(CharterPostgresTenant tenant, ITestOutputHelper output) : CharterGateTests(tenant, output), IClassFixture<CharterPostgresTenant>;
