using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 4: a guest finds, through mention suggestions, reports and managers, only the people they may see
/// (the members of their groups); employees still find everyone.
/// </summary>
public abstract class GuestDirectoryTests(AudiencesTenant tenant)
{
    [SkippableFact]
    public async Task A_guests_mention_suggestions_offer_only_the_members_of_their_groups()
    {
        tenant.SkipIfUnavailable();
        await tenant.GroupAsync("owner", "Client project", "Private", "guest", "member");
        var guest = tenant.Client("guest");

        Assert.Empty(await SuggestedAsync(guest, "out"));
        Assert.Empty(await SuggestedAsync(guest, "group"));
        Assert.Equal(["member"], await SuggestedAsync(guest, "mem"));
        Assert.Equal(["owner"], await SuggestedAsync(guest, "own"));

        // Employees are offered everyone, as before.
        Assert.Equal(["outsider"], await SuggestedAsync(tenant.Client("member"), "out"));
        Assert.Equal(["groupadmin"], await SuggestedAsync(tenant.Client("member"), "group"));
    }

    [SkippableFact]
    public async Task A_guest_sees_neither_the_reports_nor_the_manager_of_a_colleague_outside_their_groups()
    {
        tenant.SkipIfUnavailable();
        await tenant.GroupAsync("owner", "Consultancy", "Private", "guest", "member");
        var member = tenant.IdOf("member");
        foreach (var report in new[] { "owner", "outsider" })
        {
            await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{tenant.IdOf(report)}", new { managerId = member })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{member}", new { managerId = tenant.IdOf("groupadmin") })).ExpectJsonAsync(HttpStatusCode.OK);
        var guest = tenant.Client("guest");

        Assert.Equal([tenant.IdOf("owner")], await ReportsAsync(guest, member));
        await (await guest.GetAsync($"api/v1/users/{tenant.IdOf("outsider")}/reports")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var profile = await (await guest.GetAsync($"api/v1/users/{member}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("manager").ValueKind);

        // An employee sees the whole team and the manager.
        var employee = tenant.Client("outsider");
        Assert.Equal(new[] { tenant.IdOf("owner"), tenant.IdOf("outsider") }.Order(StringComparer.Ordinal), (await ReportsAsync(employee, member)).Order(StringComparer.Ordinal));
        var seen = await (await employee.GetAsync($"api/v1/users/{member}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(tenant.IdOf("groupadmin"), seen.GetProperty("manager").GetProperty("id").GetString());
    }

    private static async Task<List<string>> SuggestedAsync(HttpClient client, string prefix) =>
        [.. (await (await client.GetAsync($"api/v1/feed/mentions?prefix={prefix}")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(p => p.GetProperty("userName").GetString()!)];

    private static async Task<List<string>> ReportsAsync(HttpClient client, string userId) =>
        [.. (await (await client.GetAsync($"api/v1/users/{userId}/reports")).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
}

[Collection(WebCollection.Name)]
public sealed class GuestDirectoryTestsOnSqlite(AudiencesSqliteTenant tenant) : GuestDirectoryTests(tenant), IClassFixture<AudiencesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class GuestDirectoryTestsOnPostgres(AudiencesPostgresTenant tenant) : GuestDirectoryTests(tenant), IClassFixture<AudiencesPostgresTenant>;
