using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// A guest may create no poll, but a refusal must not say that a secret group exists: naming a group they cannot read
/// answers 404, as for a group that does not exist; a group they are in answers 403.
/// </summary>
public abstract class PollGuestCreationTests(PollsBridgeTenant tenant)
{
    [SkippableFact]
    public async Task A_guest_creating_a_poll_in_a_secret_group_they_are_not_in_gets_404()
    {
        tenant.SkipIfUnavailable();
        var secret = (await tenant.CreateGroupAsync("owner", new { name = "Board " + Guid.NewGuid().ToString("N")[..6], visibility = "secret" })).GetProperty("id").GetInt64();
        var theirs = (await tenant.CreateGroupAsync("owner", new { name = "Supplier " + Guid.NewGuid().ToString("N")[..6], visibility = "private" })).GetProperty("id").GetInt64();
        await tenant.AddMemberAsync("owner", theirs, "guest");
        var guest = tenant.Client("guest");

        var inSecret = await guest.PostAsJsonAsync("api/v1/polls", new { question = "Mine?", options = new[] { "a", "b" }, groupId = secret });
        var inMissing = await guest.PostAsJsonAsync("api/v1/polls", new { question = "Mine?", options = new[] { "a", "b" }, groupId = secret + 100_000 });
        Assert.Equal(HttpStatusCode.NotFound, inSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inMissing.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await guest.PostAsJsonAsync("api/v1/polls", new { question = "Mine?", options = new[] { "a", "b" }, groupId = theirs })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.PostAsJsonAsync("api/v1/polls", new { question = "Mine?", options = new[] { "a", "b" } })).StatusCode);
    }
}

[Collection(WebCollection.Name)]
public sealed class PollGuestCreationSqliteTests(PollsBridgeSqliteTenant tenant) : PollGuestCreationTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollGuestCreationPostgresTests(PollsBridgePostgresTenant tenant) : PollGuestCreationTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
