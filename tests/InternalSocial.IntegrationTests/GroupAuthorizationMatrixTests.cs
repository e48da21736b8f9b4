using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests;

/// <summary>
/// Visibility (public, private, secret) × relation (owner, admin, member, employee outside, guest of another group,
/// anonymous) × way in (group page, group API, members page, members API, directory page and API with search, picker):
/// exactly the expected status, and a secret group's name in no denied response and no listing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GroupAuthorizationMatrixTests(GroupAuthorizationMatrixTests.Fixture fixture) : IClassFixture<GroupAuthorizationMatrixTests.Fixture>
{
    public static readonly string[] Relations = ["owner", "groupadmin", "member", "outsider", "guest", "anonymous"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var visibility in new[] { "public", "private", "secret" })
        {
            foreach (var relation in Relations)
            {
                data.Add(visibility, relation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_way_in_answers_exactly_what_the_relation_allows(string visibility, string relation)
    {
        var (id, slug, name) = fixture.Groups[visibility];
        var insider = relation is "owner" or "groupadmin" or "member";
        var seesGroup = insider || (relation == "outsider" && visibility != "secret");
        var readsContent = insider || (relation == "outsider" && visibility == "public");
        var api = relation == "anonymous" ? fixture.Tenant.Anonymous : fixture.Tenant.Client(relation);
        var pages = fixture.Browsers[relation];

        var expectedPage = relation == "anonymous" ? HttpStatusCode.Redirect : seesGroup ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        var expectedApi = relation == "anonymous" ? HttpStatusCode.Unauthorized : seesGroup ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        var expectedMembersPage = relation == "anonymous" ? HttpStatusCode.Redirect : readsContent ? HttpStatusCode.OK : seesGroup ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        var expectedMembersApi = relation == "anonymous" ? HttpStatusCode.Unauthorized : readsContent ? HttpStatusCode.OK : seesGroup ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;

        await ExpectAsync(pages, $"groups/{slug}", expectedPage, name, visibility);
        await ExpectAsync(pages, $"groups/{id}", expectedPage, name, visibility);
        await ExpectAsync(api, $"api/v1/groups/{id}", expectedApi, name, visibility);
        await ExpectAsync(pages, $"groups/{slug}/members", expectedMembersPage, name, visibility);
        var members = await ExpectAsync(api, $"api/v1/groups/{id}/members", expectedMembersApi, name, visibility);
        if (expectedMembersApi == HttpStatusCode.OK)
        {
            Assert.Contains(fixture.Tenant.IdOf("member"), members);
        }
        else
        {
            Assert.DoesNotContain(fixture.Tenant.IdOf("member"), members);
        }

        // The module tab of the group answers like its content.
        await ExpectAsync(api, $"groups/{id}/probe", relation == "anonymous" ? HttpStatusCode.Redirect : readsContent ? HttpStatusCode.OK : HttpStatusCode.NotFound, name, visibility);

        // Listings: the directory (page and API, with and without search) and the picker.
        var listed = relation != "anonymous" && seesGroup;
        // Searched by the name's last word, so that the page echoing the search box never holds the whole name.
        var word = name.Split(' ')[^1];
        foreach (var path in new[] { "api/v1/groups", $"api/v1/groups?q={word}" })
        {
            var body = await ExpectAsync(api, path, relation == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, name, visibility, denied: !listed);
            Assert.Equal(listed, body.Contains(name, StringComparison.Ordinal));
        }

        var directory = await ExpectAsync(pages, $"groups?q={word}", relation == "anonymous" ? HttpStatusCode.Redirect : HttpStatusCode.OK, name, visibility, denied: !listed);
        Assert.Equal(listed, directory.Contains(name, StringComparison.Ordinal));
        var picker = await ExpectAsync(api, "api/v1/groups/picker", relation == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, name, visibility, denied: !insider);
        Assert.Equal(insider, picker.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_taken_name_answers_one_neutral_409_that_never_confirms_a_secret_group()
    {
        var (_, _, secretName) = fixture.Groups["secret"];
        var (publicId, _, publicName) = fixture.Groups["public"];
        var details = new List<string>();
        foreach (var (client, name) in new[] { ("outsider", secretName), ("outsider", publicName), ("member", secretName), ("owner", secretName) })
        {
            var response = await fixture.Tenant.Client(client).PostAsJsonAsync("api/v1/groups", new { name = name.ToUpperInvariant() });
            var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict);
            details.Add(problem.GetProperty("detail").GetString()!);
            Assert.DoesNotContain(name, problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        // Renaming onto a secret group's name: the same words.
        var renamed = await (await fixture.Tenant.Client("owner").PatchAsJsonAsync($"api/v1/groups/{publicId}", new { name = secretName })).ExpectProblemAsync(HttpStatusCode.Conflict);
        details.Add(renamed.GetProperty("detail").GetString()!);
        Assert.Single(details.Distinct());
        Assert.StartsWith("name:", details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_sees_only_their_own_group_in_the_directory()
    {
        var page = await (await fixture.Tenant.Client("guest").GetAsync("api/v1/groups")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Guest corner"], page.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
    }

    /// <summary>Asserts the status; when access is denied, the secret group's name must not be in the body.</summary>
    private static async Task<string> ExpectAsync(HttpClient client, string path, HttpStatusCode expected, string name, string visibility, bool? denied = null)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode}");
        if (visibility == "secret" && (denied ?? expected != HttpStatusCode.OK))
        {
            Assert.DoesNotContain(name, body, StringComparison.OrdinalIgnoreCase);
        }

        return body;
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public GroupsSqliteTenant Tenant { get; } = new();

        public Dictionary<string, (long Id, string Slug, string Name)> Groups { get; } = [];

        public Dictionary<string, HttpClient> Browsers { get; } = [];

        public async Task InitializeAsync()
        {
            await Tenant.InitializeAsync();
            foreach (var visibility in new[] { "public", "private", "secret" })
            {
                var name = $"Matrix {visibility} Zq{visibility.Length}x";
                var group = await Tenant.CreateGroupAsync("owner", new { name, visibility, type = "project" });
                var id = group.GetProperty("id").GetInt64();
                Groups[visibility] = (id, group.GetProperty("slug").GetString()!, name);
                await Invite(id, "groupadmin", "admin");
                await Invite(id, "member", "member");
            }

            var home = await Tenant.CreateGroupAsync("owner", new { name = "Guest corner", visibility = "secret" });
            await Invite(home.GetProperty("id").GetInt64(), "guest", "member");
            foreach (var person in GroupsTenant.People)
            {
                Browsers[person] = await Tenant.BrowserAsync(person);
            }

            Browsers["anonymous"] = Tenant.Anonymous;
        }

        public async Task DisposeAsync()
        {
            foreach (var browser in Browsers.Values)
            {
                browser.Dispose();
            }

            await Tenant.DisposeAsync();
        }

        private Task Invite(long id, string userName, string role) => Tenant.AddMemberAsync("owner", id, userName, role);
    }
}
