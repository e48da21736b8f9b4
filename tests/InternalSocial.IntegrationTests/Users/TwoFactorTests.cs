using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>Two-factor sign-in with an authenticator app: codes computed here by RFC 6238 from the key the page shows.</summary>
[Collection(WebCollection.Name)]
public sealed partial class TwoFactorTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    private const string Password = "Tw0-Factor-Password";

    [Fact]
    public async Task Opening_the_two_factor_setup_keeps_the_session_that_opened_it_signed_in()
    {
        await tenant.CreateUserAsync("curious", Password, BuiltInRoles.Employee);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("curious", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("account/two-factor")).StatusCode);

        // The new authenticator key changes the security stamp, which sessions are checked against every minute.
        tenant.Host.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("account")).StatusCode);
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }
    }

    [Fact]
    public async Task Enabled_with_a_code_then_sign_in_asks_for_it_a_wrong_code_is_refused_and_a_recovery_code_works_once()
    {
        await tenant.CreateUserAsync("careful", Password, BuiltInRoles.Employee);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("careful", Password)).StatusCode);

        var setup = await browser.GetStringAsync("account/two-factor");
        var key = SharedKey().Match(setup).Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.Contains("<svg", setup, StringComparison.Ordinal);
        Assert.Contains($"otpauth://totp/", WebUtility.HtmlDecode(setup), StringComparison.Ordinal);

        var wrong = await browser.SubmitAsync("account/two-factor", "account/two-factor", new Dictionary<string, string> { ["code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var enabled = await browser.SubmitAsync("account/two-factor", "account/two-factor", new Dictionary<string, string> { ["code"] = AccountsTenant.Totp(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains("10 recovery codes left.", await browser.GetStringAsync("account"), StringComparison.Ordinal);

        // The password alone no longer signs in, in the API either.
        using var script = tenant.Host.CreateClient(tenant.Prefix);
        var noCode = await (await script.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "careful", password = Password, name = "script" })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("code:", noCode.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await script.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "careful", password = Password, name = "script", code = WrongCode(key) })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await script.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "careful", password = Password, name = "script", code = AccountsTenant.Totp(key) })).ExpectJsonAsync(HttpStatusCode.Created);

        // The password alone no longer signs in.
        using var phone = tenant.Host.CreateClient(tenant.Prefix);
        var first = await phone.SignInAsync("careful", Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("account/signin/two-factor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("account")).StatusCode);
        var refused = await phone.SubmitAsync("account/signin/two-factor", "account/signin/two-factor", new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This code is wrong or expired.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("account")).StatusCode);
        var signedIn = await phone.SubmitAsync("account/signin/two-factor", "account/signin/two-factor", new Dictionary<string, string> { ["Code"] = AccountsTenant.Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("account")).StatusCode);

        // A recovery code signs in once.
        using var lost = tenant.Host.CreateClient(tenant.Prefix);
        await lost.SignInAsync("careful", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await lost.SubmitAsync("account/signin/two-factor", "account/signin/two-factor", new Dictionary<string, string> { ["Code"] = codes[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lost.GetAsync("account")).StatusCode);
        using var thief = tenant.Host.CreateClient(tenant.Prefix);
        await thief.SignInAsync("careful", Password);
        Assert.Equal(HttpStatusCode.OK, (await thief.SubmitAsync("account/signin/two-factor", "account/signin/two-factor", new Dictionary<string, string> { ["Code"] = codes[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("account")).StatusCode);
        Assert.Contains("9 recovery codes left.", await browser.GetStringAsync("account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_resets_a_persons_two_factor_sign_in_and_signs_out_their_sessions()
    {
        await tenant.CreateUserAsync("lostphone", Password, BuiltInRoles.Employee);
        using var employee = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "lostphone", Password);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        await browser.SignInAsync("lostphone", Password);
        var key = SharedKey().Match(await browser.GetStringAsync("account/two-factor")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync("account/two-factor", "account/two-factor", new Dictionary<string, string> { ["code"] = AccountsTenant.Totp(key) })).StatusCode);

        var users = await (await tenant.Admin.GetAsync("api/v1/users?q=lostphone")).ExpectJsonAsync(HttpStatusCode.OK);
        var id = users.GetProperty("users").EnumerateArray().Single().GetProperty("id").GetString();
        await (await employee.PostAsync($"api/v1/users/{id}/two-factor/reset", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Admin.PostAsync($"api/v1/users/{id}/two-factor/reset", null)).ExpectJsonAsync(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("account")).StatusCode);
        using var again = tenant.Host.CreateClient(tenant.Prefix);
        var signIn = await again.SignInAsync("lostphone", Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("two-factor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Set up two-factor sign-in", await again.GetStringAsync("account"), StringComparison.Ordinal);
    }

    /// <summary>A code that is none of those the server accepts around now (it allows a few steps either side).</summary>
    private static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(i => AccountsTenant.Totp(key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("<code id=\"shared-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
