using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 9: a secret group's existence cannot be guessed by creating a group of the same name — neither from
/// a 409 nor from a "-2" address. Names are unique among public and private groups only; a secret group's address
/// carries a random part.
/// </summary>
public abstract class SecretGroupNameTests(GroupsTenant tenant)
{
    [SkippableFact]
    public async Task Creating_a_group_named_like_a_hidden_secret_group_answers_as_if_it_did_not_exist()
    {
        tenant.SkipIfUnavailable();
        var word = Guid.NewGuid().ToString("N")[..8];
        var secret = await tenant.CreateGroupAsync("owner", new { name = $"Merger {word}", visibility = "secret", description = "Project M." });
        var secretId = secret.GetProperty("id").GetInt64();
        var secretSlug = secret.GetProperty("slug").GetString()!;
        Assert.StartsWith($"merger-{word}-", secretSlug, StringComparison.Ordinal);
        var before = await GroupAsync(secretId);

        // The outsider asks for a name nobody holds, then for the secret group's: the same answer, the same shape of address.
        var control = await (await tenant.Client("outsider").PostAsJsonAsync("api/v1/groups", new { name = $"Control {word}" })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"control-{word}", control.GetProperty("slug").GetString());
        var response = await tenant.Client("outsider").PostAsJsonAsync("api/v1/groups", new { name = $"MERGER {word}" });
        var created = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"merger-{word}", created.GetProperty("slug").GetString());

        // Names stay unique among the groups everyone sees: the outsider's new group now holds this one.
        var other = await tenant.CreateGroupAsync("outsider", new { name = $"Other {word}" });
        await (await tenant.Client("outsider").PatchAsJsonAsync($"api/v1/groups/{other.GetProperty("id").GetInt64()}", new { name = $"merger {word}" })).ExpectProblemAsync(HttpStatusCode.Conflict);

        // The secret group is unchanged, and still hidden from the outsider.
        var after = await GroupAsync(secretId);
        Assert.Equal(before.GetRawText(), after.GetRawText());
        await (await tenant.Client("outsider").GetAsync($"api/v1/groups/{secretId}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_group_that_becomes_secret_gives_up_its_readable_address()
    {
        tenant.SkipIfUnavailable();
        var word = Guid.NewGuid().ToString("N")[..8];
        var group = await tenant.CreateGroupAsync("owner", new { name = $"Tiger team {word}" });
        var id = group.GetProperty("id").GetInt64();
        Assert.Equal($"tiger-team-{word}", group.GetProperty("slug").GetString());

        var hidden = await (await tenant.Client("owner").PatchAsJsonAsync($"api/v1/groups/{id}", new { visibility = "secret" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.StartsWith($"tiger-team-{word}-", hidden.GetProperty("slug").GetString(), StringComparison.Ordinal);

        var again = await tenant.CreateGroupAsync("outsider", new { name = $"Tiger team {word}" });
        Assert.Equal($"tiger-team-{word}", again.GetProperty("slug").GetString());
    }

    private async Task<JsonElement> GroupAsync(long id) =>
        await (await tenant.Client("owner").GetAsync($"api/v1/groups/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
}

[Collection(WebCollection.Name)]
public sealed class SecretGroupNameTestsOnSqlite(GroupsSqliteTenant tenant) : SecretGroupNameTests(tenant), IClassFixture<GroupsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SecretGroupNameTestsOnPostgres(GroupsPostgresTenant tenant) : SecretGroupNameTests(tenant), IClassFixture<GroupsPostgresTenant>;
