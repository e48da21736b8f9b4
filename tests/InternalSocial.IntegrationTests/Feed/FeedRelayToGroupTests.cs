using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Feed;

/// <summary>Relaying an organisation-wide post into a group, from the API and from the post's page.</summary>
[Collection(WebCollection.Name)]
public sealed class FeedRelayToGroupTests(FeedRelayToGroupTests.Tenant tenant) : IClassFixture<FeedRelayToGroupTests.Tenant>
{
    private const string Password = "Re1ay-Group-Password";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_member_relays_a_post_into_their_group_and_an_outsider_cannot_relay_into_a_private_group()
    {
        var groupId = await CreateGroupAsync("Relay crew", "Private", "member");
        var original = await PostAsync(tenant.Admin, "Quarterly results are out");

        var relayed = await (await tenant.Member.PostAsJsonAsync($"api/v1/posts/{original}/relay", new { comment = "Worth a read, team", groupId })).ExpectJsonAsync(HttpStatusCode.Created);
        var relayId = relayed.GetProperty("id").GetInt64();
        Assert.Equal("Published", relayed.GetProperty("status").GetString());

        var card = await (await tenant.Member.GetAsync($"api/v1/posts/{relayId}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(groupId, card.GetProperty("groupId").GetInt64());
        Assert.Equal(original, card.GetProperty("relayOfPostId").GetInt64());
        Assert.Contains("Quarterly results", card.GetProperty("relayed").GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains(relayId, Ids(await (await tenant.Owner.GetAsync($"api/v1/groups/{groupId}/feed")).ExpectJsonAsync(HttpStatusCode.OK)));

        // The relay lives in the private group: outsiders do not see it, and cannot relay into it.
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Outsider.GetAsync($"api/v1/posts/{relayId}")).StatusCode);
        await (await tenant.Outsider.PostAsJsonAsync($"api/v1/posts/{original}/relay", new { comment = "Me too", groupId })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        // A group's post is not relayed anywhere (it would leave its audience).
        var groupPost = (await (await tenant.Owner.PostAsJsonAsync("api/v1/posts", new { body = "Inside only", audience = new { groups = new[] { groupId } } })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var refused = await (await tenant.Member.PostAsJsonAsync($"api/v1/posts/{groupPost}/relay", new { groupId })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("postId", out _));
    }

    [Fact]
    public async Task The_post_page_offers_the_groups_one_may_post_to_and_relays_into_the_chosen_one()
    {
        var mine = await CreateGroupAsync("Page relay team", "Private", "member");
        var notMine = await CreateGroupAsync("Someone else's circle", "Private");
        var original = await PostAsync(tenant.Admin, "Office closed on Friday");

        var page = Parser.ParseDocument(await tenant.Member.GetStringAsync($"posts/{original}"));
        var options = page.QuerySelectorAll("#relay-target option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Contains(("", "The organisation's feed"), options);
        Assert.Contains((mine.ToString(System.Globalization.CultureInfo.InvariantCulture), "Page relay team"), options);
        Assert.DoesNotContain(options, o => o.Item1 == notMine.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(page.QuerySelector("label[for='relay-target']"));

        var relayed = await tenant.Member.SubmitAsync($"posts/{original}", $"posts/{original}/relay", new Dictionary<string, string>
        {
            ["comment"] = "Relayed from the page",
            ["groupId"] = mine.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        relayed.EnsureRedirect();
        Assert.Contains("Post relayed to Page relay team.", await tenant.Member.GetStringAsync(relayed.Headers.Location!.ToString().TrimStart('/')[(tenant.Prefix.Length + 1)..]), StringComparison.Ordinal);
        var groupFeed = await (await tenant.Member.GetAsync($"api/v1/groups/{mine}/feed")).ExpectJsonAsync(HttpStatusCode.OK);
        var relay = groupFeed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("body").GetString() == "Relayed from the page");
        Assert.Equal(original, relay.GetProperty("relayOfPostId").GetInt64());

        // Without a group, the relay goes to the organisation's feed as before.
        (await tenant.Member.SubmitAsync($"posts/{original}", $"posts/{original}/relay", new Dictionary<string, string> { ["comment"] = "For everyone", ["groupId"] = "" })).EnsureRedirect();
        var feed = await (await tenant.Outsider.GetAsync("api/v1/feed")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(feed.GetProperty("items").EnumerateArray(), i => i.GetProperty("body").GetString() == "For everyone" && i.GetProperty("groupId").ValueKind == JsonValueKind.Null);
    }

    private async Task<long> CreateGroupAsync(string name, string visibility, params string[] members)
    {
        var group = await (await tenant.Owner.PostAsJsonAsync("api/v1/groups", new { name, visibility })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = group.GetProperty("id").GetInt64();
        if (members.Length > 0)
        {
            await (await tenant.Owner.PostAsJsonAsync($"api/v1/groups/{id}/members", new { userNames = members })).ExpectJsonAsync(HttpStatusCode.OK);
            foreach (var member in members)
            {
                // Invited people join when they accept.
                var client = member switch { "member" => tenant.Member, "outsider" => tenant.Outsider, _ => tenant.Owner };
                await (await client.PostAsync($"api/v1/groups/{id}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
            }
        }

        return id;
    }

    private static async Task<long> PostAsync(HttpClient client, string body) =>
        (await (await client.PostAsJsonAsync("api/v1/posts", new { body })).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

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
