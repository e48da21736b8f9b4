using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Feed;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// A tenant with the feed, the charter and its composer bridge; version 1 of the employees' and of the editorial
/// charter published, and accepted by the administrator, so that only the people a test creates are gated.
/// </summary>
public abstract partial class CharterPagesTenant(DatabaseProvider provider) : FeedTenant(provider)
{
    public const string Password = "Ch4rter-Password";

    public const string EmployeesV1 = "# Usage charter\n\n## Be respectful\n\nTreat colleagues **kindly**.\n\n## Keep secrets\n\nNo confidential data here. <script>alert('x')</script>\n";

    public const string EditorialV1 = "## Stay on topic\n\nPost about work.\n\n## Cite your sources\n\nLink to where a figure comes from.\n";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!IsAvailable)
        {
            return;
        }

        foreach (var feature in new[] { "InternalSocial.Charter", "InternalSocial.Charter.Feed" })
        {
            await (await Admin.PostAsync($"api/v1/features/{feature}/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }

        await PublishAsync("editorial", EditorialV1, "## Rester dans le sujet\n\nParlez de travail.\n\n## Citer ses sources\n\nIndiquez d’où vient un chiffre.\n", material: true);
        var version = await PublishAsync("employees", EmployeesV1, "# Charte\n\n## Respect\n\nTraitez vos collègues avec **bienveillance**.\n", material: true);
        await AcceptAsync(Admin, version);
    }

    public async Task<int> PublishAsync(string audience, string en, string fr, bool material)
    {
        var created = await (await Admin.PostAsJsonAsync("api/v1/charter/versions", new { audience, texts = new { en, fr }, material })).ExpectJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("number").GetInt32();
    }

    public static async Task AcceptAsync(HttpClient client, int version) =>
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("api/v1/charter/accept", new { version })).StatusCode);

    /// <summary>A new employee signed in through the form (a cookie), who has accepted nothing.</summary>
    public async Task<HttpClient> NewPersonBrowserAsync(string userName)
    {
        await CreateUserAsync(userName, Password, BuiltInRoles.Employee);
        var browser = Host.CreateClient(Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(userName, Password)).StatusCode);
        return browser;
    }

    /// <summary>The version the charter page offers to accept.</summary>
    public static int OfferedVersion(string page) => int.Parse(VersionField().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}

public sealed class CharterPagesSqliteTenant() : CharterPagesTenant(DatabaseProvider.Sqlite);

public sealed class CharterPagesPostgresTenant() : CharterPagesTenant(DatabaseProvider.Postgres);
