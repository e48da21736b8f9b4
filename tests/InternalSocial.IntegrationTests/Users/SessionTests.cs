using System.Net;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>Browser sessions a person sees on /account and revokes: a revoked cookie is refused at its next request.</summary>
[Collection(WebCollection.Name)]
public sealed partial class SessionTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    private const string Password = "Sess10n-Password";

    [Fact]
    public async Task Two_sign_ins_are_two_sessions_and_the_revoked_one_is_signed_out_at_its_next_request()
    {
        await tenant.CreateUserAsync("traveller", Password, BuiltInRoles.Employee);
        using var laptop = Browser("Laptop-Browser/1.0");
        using var phone = Browser("Phone-Browser/2.0");
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SignInAsync("traveller", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SignInAsync("traveller", Password)).StatusCode);

        var page = await laptop.GetStringAsync("account");
        var sessions = Session().Matches(page).Select(m => m.Value).ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Contains(sessions, s => s.Contains("Laptop-Browser/1.0", StringComparison.Ordinal) && s.Contains("This browser", StringComparison.Ordinal));
        var phones = Assert.Single(sessions, s => s.Contains("Phone-Browser/2.0", StringComparison.Ordinal));
        var revoke = RevokeAction().Match(phones).Groups[1].Value;
        Assert.NotEmpty(revoke);

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SubmitAsync("account", revoke[(tenant.Prefix.Length + 2)..], new Dictionary<string, string>())).StatusCode);

        var next = await phone.GetAsync("account");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("account/signin", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("account")).StatusCode);
        Assert.Single(Session().Matches(await laptop.GetStringAsync("account")));

        // Both are in the person's data export, the signed-out one too.
        using var export = new System.IO.Compression.ZipArchive(await laptop.GetStreamAsync("api/v1/users/me/export"));
        using var reader = new StreamReader(export.GetEntry("sessions.json")!.Open());
        var exported = await reader.ReadToEndAsync();
        Assert.Contains("Laptop-Browser/1.0", exported, StringComparison.Ordinal);
        Assert.Contains("Phone-Browser/2.0", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_everywhere_else_keeps_this_browser_only_and_signing_out_ends_the_session()
    {
        await tenant.CreateUserAsync("cautious", Password, BuiltInRoles.Employee);
        using var office = Browser("Office/1.0");
        using var home = Browser("Home/1.0");
        using var kiosk = Browser("Kiosk/1.0");
        foreach (var browser in new[] { office, home, kiosk })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("cautious", Password)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync("account", "account/sessions/revoke-others", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("2 other sessions are signed out.", await office.GetStringAsync("account"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await home.GetAsync("account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kiosk.GetAsync("account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("account")).StatusCode);

        // The sessions API shows the same list; signing out closes the session for good.
        var listed = await (await office.GetAsync("api/v1/auth/sessions")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(Assert.Single(listed.EnumerateArray()).GetProperty("isCurrent").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync("account", "account/signout", new Dictionary<string, string>())).StatusCode);
        using var again = Browser("Office/1.0");
        await again.SignInAsync("cautious", Password);
        var after = await (await again.GetAsync("api/v1/auth/sessions")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Single(after.EnumerateArray());
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0")]
    [InlineData("2001:db8:1234:5678:9abc::1", "2001:db8:1234::")]
    public void Only_the_network_of_an_address_is_kept(string address, string kept) =>
        Assert.Equal(kept, InternalSocial.Users.Accounts.SessionService.Truncate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36", "Chrome, Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0", "Firefox, Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", "Safari, iOS")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0", "Edge, Windows")]
    [InlineData("Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36", "Chrome, Android")]
    [InlineData("curl/8.5.0", "curl/8.5.0")]
    public void A_browser_is_named_by_its_name_and_system(string agent, string shown) =>
        Assert.Equal(shown, InternalSocial.Users.Accounts.SessionService.DescribeAgent(agent));

    private HttpClient Browser(string agent)
    {
        var client = tenant.Host.CreateClient(tenant.Prefix);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        return client;
    }

    [GeneratedRegex("<li class=\"session\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex Session();

    [GeneratedRegex("action=\"([^\"]*/account/sessions/[^\"]+/revoke)\"")]
    private static partial Regex RevokeAction();
}
