using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>
/// A tenant with Groups and the probe group module on, and the people of the authorization matrix: an owner, an admin,
/// a member, an employee outside the group, a guest (member of another group only) and a tenant administrator.
/// </summary>
public abstract class GroupsTenant(DatabaseProvider provider) : TestTenant(provider, "minimal")
{
    public const string Password = "Gr0up-Password";

    public static readonly string[] People = ["owner", "groupadmin", "member", "outsider", "guest"];

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, string> _ids = [];

    public HttpClient Client(string userName) => userName == "admin" ? Admin : _clients[userName];

    public string IdOf(string userName) => _ids[userName];

    /// <summary>A client with no credentials at all.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var feature in new[] { "InternalSocial.Groups", "InternalSocial.Probe.Groups" })
        {
            await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        foreach (var person in People)
        {
            await CreateUserAsync(person, Password, person == "guest" ? BuiltInRoles.Guest : BuiltInRoles.Employee);
            _clients[person] = await Host.CreateTokenClientAsync(Prefix, person, Password);
        }

        foreach (var person in People.Append("admin"))
        {
            var me = await (await Client(person).GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
            _ids[person] = me.GetProperty("id").GetString()!;
        }

        Anonymous = Host.CreateClient(Prefix);
    }

    /// <summary>Creates a group as <paramref name="owner"/> and returns it.</summary>
    public async Task<JsonElement> CreateGroupAsync(string owner, object body) =>
        await (await Client(owner).PostAsJsonAsync("api/v1/groups", body)).ExpectJsonAsync(HttpStatusCode.Created);

    /// <summary>Invites <paramref name="userName"/> as <paramref name="inviter"/>, and the person accepts: a member with that role.</summary>
    public async Task AddMemberAsync(string inviter, long groupId, string userName, string role = "member")
    {
        await (await Client(inviter).PostAsJsonAsync($"api/v1/groups/{groupId}/members", new { userNames = new[] { userName }, role })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await Client(userName).PostAsync($"api/v1/groups/{groupId}/invitations/accept", null)).ExpectJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>A client signed in with the cookie, for pages and forms.</summary>
    public async Task<HttpClient> BrowserAsync(string userName)
    {
        var client = Host.CreateClient(Prefix);
        var signedIn = await client.SignInAsync(userName, userName == "admin" ? HostFixture.AdminPassword : Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }
}

public sealed class GroupsSqliteTenant() : GroupsTenant(DatabaseProvider.Sqlite);

public sealed class GroupsPostgresTenant() : GroupsTenant(DatabaseProvider.Postgres);
