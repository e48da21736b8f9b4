using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>Posts in groups: the Groups module's rules, applied by the feed to every way in.</summary>
[Collection(WebCollection.Name)]
public sealed class FeedInGroupsTests(FeedInGroupsTests.Tenant tenant) : IClassFixture<FeedInGroupsTests.Tenant>
{
    private const string Password = "Gr0up-Feed-Password";

    [Fact]
    public async Task A_private_groups_posts_reach_its_members_only_and_a_member_who_leaves_stops_seeing_them_at_once()
    {
        var group = await (await tenant.Owner.PostAsJsonAsync("api/v1/groups", new { name = "Project Orion", visibility = "Private" })).ExpectJsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt64();
        await (await tenant.Owner.PostAsJsonAsync($"api/v1/groups/{groupId}/members", new { userNames = new[] { "member" } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Member.PostAsync($"api/v1/groups/{groupId}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);

        var created = await (await tenant.Owner.PostAsJsonAsync("api/v1/posts", new { body = "Orion launch date is Tuesday", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
        var postId = created.GetProperty("id").GetInt64();
        await (await tenant.Outsider.PostAsJsonAsync("api/v1/posts", new { body = "Sneaking in", audience = new { groups = new[] { groupId } } })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        foreach (var reader in new[] { tenant.Owner, tenant.Member })
        {
            await (await reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Contains(postId, Ids(await (await reader.GetAsync($"api/v1/groups/{groupId}/feed")).ExpectJsonAsync(HttpStatusCode.OK)));
        }

        await AssertCannotSeeAsync(tenant.Outsider, groupId, postId);

        await (await tenant.Member.PostAsync($"api/v1/groups/{groupId}/leave", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await AssertCannotSeeAsync(tenant.Member, groupId, postId);
    }

    [Fact]
    public async Task The_home_feed_shows_the_groups_a_person_belongs_to_and_a_public_group_s_posts_only_on_its_own_page()
    {
        var group = await (await tenant.Owner.PostAsJsonAsync("api/v1/groups", new { name = "Book club", visibility = "Public" })).ExpectJsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt64();
        var post = await (await tenant.Owner.PostAsJsonAsync("api/v1/posts", new { body = "This month: Dune", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
        var postId = post.GetProperty("id").GetInt64();

        // Not a member: readable by id and on the group's feed, but not pushed into the home feed.
        await (await tenant.Outsider.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(postId, Ids(await (await tenant.Outsider.GetAsync($"api/v1/groups/{groupId}/feed")).ExpectJsonAsync(HttpStatusCode.OK)));
        Assert.DoesNotContain(postId, Ids(await (await tenant.Outsider.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)));

        await (await tenant.Outsider.PostAsync($"api/v1/groups/{groupId}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(postId, Ids(await (await tenant.Outsider.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)));
        Assert.Contains(postId, Ids(await (await tenant.Owner.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task A_member_of_many_groups_sees_each_group_s_newest_post_on_the_home_feed()
    {
        // More groups than the home feed keeps streams for (HomeFeedStreams.MaxStreamsPerPage): the page is read from the
        // database, with the same rules. A member of two of them reads it from the streams.
        var posts = new List<long>();
        for (var i = 0; i < 14; i++)
        {
            var group = await (await tenant.Owner.PostAsJsonAsync("api/v1/groups", new { name = $"Guild {i}", visibility = "Public" })).ExpectJsonAsync(HttpStatusCode.Created);
            var groupId = group.GetProperty("id").GetInt64();
            await (await tenant.Outsider.PostAsync($"api/v1/groups/{groupId}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
            if (i < 2)
            {
                await (await tenant.Member.PostAsync($"api/v1/groups/{groupId}/join", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }

            var post = await (await tenant.Owner.PostAsJsonAsync("api/v1/posts", new { body = $"Guild {i} news", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created);
            posts.Add(post.GetProperty("id").GetInt64());
        }

        var many = Ids(await (await tenant.Outsider.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)).ToList();
        Assert.All(posts, id => Assert.Contains(id, many));
        var two = Ids(await (await tenant.Member.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)).ToList();
        Assert.Equal(posts.Take(2).Order(), two.Where(posts.Contains).Order());
    }

    [Fact]
    public async Task Posting_to_a_group_without_the_groups_feature_is_refused_naming_the_field()
    {
        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.Feed.Groups/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        try
        {
            var refused = await (await tenant.Owner.PostAsJsonAsync("api/v1/posts", new { body = "Hello group", audience = new { groups = new[] { 1L } } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("audience.groups", out _));
        }
        finally
        {
            await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.Feed.Groups/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    private static async Task AssertCannotSeeAsync(HttpClient client, long groupId, long postId)
    {
        var byId = await client.GetAsync($"api/v1/posts/{postId}");
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.DoesNotContain("Orion", await byId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var groupFeed = await client.GetAsync($"api/v1/groups/{groupId}/feed");
        Assert.Equal(HttpStatusCode.NotFound, groupFeed.StatusCode);
        Assert.DoesNotContain("Orion launch", await groupFeed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(postId, Ids(await (await client.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK)));
    }

    private static IEnumerable<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    /// <summary>A tenant set up with the default recipe (feed, groups and the feed in groups), a group owner, a member and an outsider.</summary>
    public sealed class Tenant : TestTenant
    {
        public Tenant()
            : base(Kernel.Shells.DatabaseProvider.Sqlite, "default")
        {
        }

        public HttpClient Owner { get; private set; } = null!;

        public HttpClient Member { get; private set; } = null!;

        public HttpClient Outsider { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var name in new[] { "owner", "member", "outsider" })
            {
                await CreateUserAsync(name, Password, BuiltInRoles.Employee);
            }

            Owner = await Host.CreateTokenClientAsync(Prefix, "owner", Password);
            Member = await Host.CreateTokenClientAsync(Prefix, "member", Password);
            Outsider = await Host.CreateTokenClientAsync(Prefix, "outsider", Password);
        }
    }
}
