using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>Forgotten passwords and first passwords by a mailed link, against a real SMTP server: single use, no account enumeration.</summary>
[Collection(WebCollection.Name)]
public sealed class PasswordResetTests(AccountsTenant tenant) : IClassFixture<AccountsTenant>
{
    private const string NewPassword = "N3w-Password-1";

    [Fact]
    public async Task A_mailed_link_sets_the_password_once_and_an_unknown_address_gets_the_same_answer_and_no_mail()
    {
        await tenant.CreateUserAsync("forgetful", AccountsTenant.Password, BuiltInRoles.Employee);
        await tenant.DeliverAsync();
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Contains("account/forgot", await browser.GetStringAsync("account/signin"), StringComparison.Ordinal);

        var known = await browser.SubmitAsync("account/forgot", "account/forgot", new Dictionary<string, string> { ["Email"] = $"forgetful@{tenant.Name}.test" });
        var unknown = await browser.SubmitAsync("account/forgot", "account/forgot", new Dictionary<string, string> { ["Email"] = $"nobody@{tenant.Name}.test" });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var answer = AccountsTenant.StatusText(await known.Content.ReadAsStringAsync());
        Assert.StartsWith("If an account uses this address", answer, StringComparison.Ordinal);
        Assert.Equal(answer, AccountsTenant.StatusText(await unknown.Content.ReadAsStringAsync()));

        var mail = Assert.Single(await tenant.DeliverAsync());
        Assert.Equal($"forgetful@{tenant.Name}.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Reset your password", mail.Subject, StringComparison.Ordinal);
        var link = tenant.LinkIn(mail, "account/reset");

        // Identity's validators answer, naming the field.
        var weak = await browser.SubmitAsync(link, "account/reset", Fields(link, "short", "short"));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Matches(AccountsTenant.FieldError("Password"), await weak.Content.ReadAsStringAsync());
        var differ = await browser.SubmitAsync(link, "account/reset", Fields(link, NewPassword, NewPassword + "x"));
        Assert.Contains("The two passwords differ.", await differ.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var set = await browser.SubmitAsync(link, "account/reset", Fields(link, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("Sign in with your new password.", AccountsTenant.StatusText(await set.Content.ReadAsStringAsync()));

        using var again = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync("forgetful", AccountsTenant.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("forgetful", NewPassword)).StatusCode);

        // The link worked once: the new security stamp voids it.
        var reused = await browser.SubmitAsync(link, "account/reset", Fields(link, "An0ther-Password", "An0ther-Password"));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("already used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var old = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.OK, (await old.SignInAsync("forgetful", "An0ther-Password")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_mails_an_imported_person_the_link_to_choose_a_first_password()
    {
        await tenant.CreateUserAsync("imported", "Unknown-T0-Them", BuiltInRoles.Employee);
        await tenant.DeliverAsync();
        var id = await tenant.IdOfAsync("imported");

        using var employee = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "imported", "Unknown-T0-Them");
        await (await employee.PostAsync($"api/v1/users/{id}/password-mail", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Admin.PostAsync("api/v1/users/nobody/password-mail", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Accepted, (await tenant.Admin.PostAsync($"api/v1/users/{id}/password-mail", null)).StatusCode);

        var mail = Assert.Single(await tenant.DeliverAsync());
        Assert.Contains("Choose your password", mail.Subject, StringComparison.Ordinal);
        var link = tenant.LinkIn(mail, "account/reset");
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync(link, "account/reset", Fields(link, NewPassword, NewPassword))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("imported", NewPassword)).StatusCode);
    }

    private static Dictionary<string, string> Fields(string link, string password, string confirmation) => new()
    {
        ["UserId"] = AccountsTenant.Query(link, "user"),
        ["Token"] = AccountsTenant.Query(link, "token"),
        ["Password"] = password,
        ["Confirmation"] = confirmation,
    };
}
