using System.Net;
using System.Net.Http.Json;
using InternalSocial.Feed.Services;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using InternalSocial.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>Posts in groups through the seam the Groups module implements: who reads, who posts, approval.</summary>
[Collection(WebCollection.Name)]
public sealed class PostGroupsTests(FeedSqliteTenant tenant) : IClassFixture<FeedSqliteTenant>
{
    [Fact]
    public async Task Group_posts_reach_only_the_group_s_readers_guests_included_and_held_posts_wait_for_approval()
    {
        var (aliceId, alice) = await tenant.CreateMemberAsync("galice", BuiltInRoles.Employee);
        var (guestId, guest) = await tenant.CreateMemberAsync("gguest", BuiltInRoles.Guest);
        var (_, bob) = await tenant.CreateMemberAsync("gbob", BuiltInRoles.Employee);
        var groups = TestGroups.Declare(tenant.Name);
        groups.Names[1] = "Sales team";
        groups.Names[2] = "Board";
        groups.Readers[1] = [aliceId, guestId];
        groups.Readers[2] = [aliceId];
        groups.Moderated[2] = [aliceId];

        await (await bob.PostAsJsonAsync("api/v1/posts", new { body = "Not my group", audience = new { groups = new[] { 1 } } })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var created = await (await alice.PostAsJsonAsync("api/v1/posts", new { body = "Quarter closed #sales", audience = new { groups = new[] { 1, 2 } } })).ExpectJsonAsync(HttpStatusCode.Created);
        var ids = created.GetProperty("ids").EnumerateArray().Select(i => i.GetInt64()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal("Published", created.GetProperty("status").GetString());
        var held = await (await alice.GetAsync($"api/v1/posts/{ids[1]}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pending", held.GetProperty("status").GetString());

        // Group 1: alice and the guest (who has no organisation-wide feed) read it; bob does not.
        var inSales = await (await guest.GetAsync($"api/v1/posts/{ids[0]}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sales team", inSales.GetProperty("groupName").GetString());
        Assert.Contains(ids[0], await FeedIdsAsync(guest));
        await (await guest.PostAsJsonAsync($"api/v1/posts/{ids[0]}/comments", new { body = "Congrats" })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await bob.GetAsync($"api/v1/posts/{ids[0]}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(ids[0], await FeedIdsAsync(bob));
        Assert.DoesNotContain(ids[0], await FeedIdsAsync(tenant.Admin));

        // Group 2 holds alice's posts for approval: nobody else sees it until it is published.
        Assert.DoesNotContain(ids[1], await FeedIdsAsync(alice));
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(services => services.GetRequiredService<IPostModeration>().PublishAsync(ids[1], CancellationToken.None));
        Assert.Contains(ids[1], await FeedIdsAsync(alice));
        Assert.DoesNotContain(ids[1], await FeedIdsAsync(guest));
    }

    private static async Task<List<long>> FeedIdsAsync(HttpClient client)
    {
        var feed = await (await client.GetAsync("api/v1/feed?pageSize=50")).ExpectJsonAsync(HttpStatusCode.OK);
        return feed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
    }
}
