using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>The signed-in person's account page: tokens shown once and revocable, password change.</summary>
[Collection(WebCollection.Name)]
public sealed partial class MyAccountTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    private const string Password = "Acc0unt-Password";

    [Fact]
    public async Task A_token_created_on_the_page_works_until_it_is_revoked_there()
    {
        await tenant.CreateUserAsync("tokenuser", Password, BuiltInRoles.Employee);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("tokenuser", Password)).StatusCode);

        var page = await browser.SubmitAsync("account", "account/tokens", new Dictionary<string, string> { ["name"] = "my script", ["expiresInDays"] = "30" });
        var html = await page.Content.ReadAsStringAsync();
        var secret = TokenOnPage().Match(html).Value;
        Assert.NotEmpty(secret);

        using var script = tenant.Host.CreateClient(tenant.Prefix);
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("api/v1/auth/me")).StatusCode);
        Assert.DoesNotContain(secret, await browser.GetStringAsync("account"), StringComparison.Ordinal);

        var revokeUrl = RevokeAction().Match(await browser.GetStringAsync("account")).Groups[1].Value;
        var revoked = await browser.SubmitAsync("account", revokeUrl[(tenant.Prefix.Length + 2)..], new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_password_changes_only_with_the_current_one_and_the_new_one_then_signs_in()
    {
        await tenant.CreateUserAsync("changer", Password, BuiltInRoles.Employee);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("changer", Password)).StatusCode);

        var wrong = await browser.SubmitAsync("account", "account/password", new Dictionary<string, string> { ["currentPassword"] = "not-it", ["newPassword"] = "N3w-Password!", ["confirmation"] = "N3w-Password!" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("form-errors", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await browser.SubmitAsync("account", "account/password", new Dictionary<string, string> { ["currentPassword"] = Password, ["newPassword"] = "N3w-Password!", ["confirmation"] = "N3w-Password!" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Your password is changed.", await browser.GetStringAsync("account"), StringComparison.Ordinal);

        using var again = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync("changer", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("changer", "N3w-Password!")).StatusCode);
    }

    [GeneratedRegex("isp_[A-Za-z0-9_-]{20,}")]
    private static partial Regex TokenOnPage();

    [GeneratedRegex("action=\"([^\"]*/account/tokens/[^\"]+/revoke)\"")]
    private static partial Regex RevokeAction();
}
