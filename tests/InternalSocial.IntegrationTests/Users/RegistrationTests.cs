using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>The registration policy: administrators only, invitations (hashed, single use, expiring), self-registration by domain with e-mail confirmation.</summary>
[Collection(WebCollection.Name)]
public sealed class RegistrationTests(AccountsTenant tenant) : IClassFixture<AccountsTenant>
{
    [Fact]
    public async Task While_only_administrators_create_accounts_there_is_no_registration_and_no_invitation()
    {
        await tenant.PolicyAsync("AdminsOnly");
        using var visitor = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("account/register")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("account/invitation?token=anything")).StatusCode);
        Assert.DoesNotContain("account/register", await visitor.GetStringAsync("account/signin"), StringComparison.Ordinal);
        var refused = await (await tenant.Admin.PostAsJsonAsync("api/v1/users/invitations", new { email = "someone@else.test" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("policy:", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_is_checked_field_by_field()
    {
        var bad = await (await tenant.Admin.PutAsJsonAsync("api/v1/users/registration", new { policy = "Anyone", allowedDomains = new[] { "not a domain" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("policy", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("allowedDomains", out _));
        var empty = await (await tenant.Admin.PutAsJsonAsync("api/v1/users/registration", new { policy = "SelfRegistrationByDomain" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("allowedDomains", out _));

        await tenant.PolicyAsync("SelfRegistrationByDomain", "@Corp.Test", "corp.test");
        var saved = await (await tenant.Admin.GetAsync("api/v1/users/registration")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("SelfRegistrationByDomain", saved.GetProperty("policy").GetString());
        Assert.Equal(["corp.test"], saved.GetProperty("allowedDomains").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task An_invited_person_chooses_name_and_password_once_and_signs_in_and_used_or_expired_invitations_are_refused()
    {
        await tenant.PolicyAsync("InvitationOnly");
        await tenant.DeliverAsync();
        await (await tenant.Admin.PostAsJsonAsync("api/v1/users/invitations", new { email = "not-an-address" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var duplicate = await (await tenant.Admin.PostAsJsonAsync("api/v1/users/invitations", new { email = $"admin@{tenant.Name}.test" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("email:", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await (await tenant.Admin.PostAsJsonAsync("api/v1/users/invitations", new { email = "newcomer@partner.test" })).ExpectJsonAsync(HttpStatusCode.Created);
        var mail = Assert.Single(await tenant.DeliverAsync());
        Assert.Equal("newcomer@partner.test", mail.To.Mailboxes.Single().Address);
        var link = tenant.LinkIn(mail, "account/invitation");
        var token = AccountsTenant.Query(link, "token");

        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var page = await browser.GetStringAsync(link);
        Assert.Contains("newcomer@partner.test", page, StringComparison.Ordinal);
        var noName = await browser.SubmitAsync(link, "account/invitation", new Dictionary<string, string> { ["InvitationToken"] = token, ["DisplayName"] = "", ["Password"] = AccountsTenant.Password, ["Confirmation"] = AccountsTenant.Password });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Matches(AccountsTenant.FieldError("DisplayName"), await noName.Content.ReadAsStringAsync());

        var accepted = await browser.SubmitAsync(link, "account/invitation", new Dictionary<string, string> { ["InvitationToken"] = token, ["DisplayName"] = "Nadia Newcomer", ["Password"] = AccountsTenant.Password, ["Confirmation"] = AccountsTenant.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("account")).StatusCode);
        using var again = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("newcomer@partner.test", AccountsTenant.Password)).StatusCode);
        using var api = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, "newcomer", AccountsTenant.Password);
        var me = await (await api.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Employee"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var listed = await (await tenant.Admin.GetAsync("api/v1/users?q=newcomer")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Nadia Newcomer", listed.GetProperty("users").EnumerateArray().Single().GetProperty("displayName").GetString());

        using var reuse = tenant.Host.CreateClient(tenant.Prefix);
        var used = await reuse.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.Contains("already used", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reuse.GetAsync("account/invitation?token=forged")).StatusCode);

        await (await tenant.Admin.PostAsJsonAsync("api/v1/users/invitations", new { email = "late@partner.test" })).ExpectJsonAsync(HttpStatusCode.Created);
        var late = tenant.LinkIn(Assert.Single(await tenant.DeliverAsync()), "account/invitation");
        tenant.Host.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            var expired = await reuse.GetAsync(late);
            Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
            Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        // Only the token's hash is stored: the list never shows a token.
        var list = await (await tenant.Admin.GetAsync("api/v1/users/invitations")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(token, list.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("email").GetString() == "newcomer@partner.test" && i.GetProperty("acceptedUtc").ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Self_registration_at_an_allowed_domain_waits_for_the_confirmation_link_and_other_domains_are_refused()
    {
        await tenant.PolicyAsync("SelfRegistrationByDomain", "corp.test");
        await tenant.DeliverAsync();
        using var visitor = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Contains("account/register", await visitor.GetStringAsync("account/signin"), StringComparison.Ordinal);

        var elsewhere = await visitor.SubmitAsync("account/register", "account/register", Form("Eve Outsider", "eve@gmail.test"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var refusal = await elsewhere.Content.ReadAsStringAsync();
        Assert.Matches(AccountsTenant.FieldError("Email"), refusal);
        Assert.Contains("Only addresses at corp.test may register.", refusal, StringComparison.Ordinal);
        Assert.Empty(await tenant.DeliverAsync());

        var registered = await visitor.SubmitAsync("account/register", "account/register", Form("Rita Registered", "rita@corp.test"));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.StartsWith("We sent a link to rita@corp.test.", AccountsTenant.StatusText(await registered.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Unconfirmed: no sign-in, a clear message and the link again on request.
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var early = await browser.SignInAsync("rita@corp.test", AccountsTenant.Password);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyPage = await early.Content.ReadAsStringAsync();
        Assert.Contains("Confirm your e-mail address first", earlyPage, StringComparison.Ordinal);
        Assert.Contains("account/confirm/resend", earlyPage, StringComparison.Ordinal);
        await (await tenant.Host.CreateClient(tenant.Prefix).PostAsJsonAsync("api/v1/auth/tokens", new { userName = "rita@corp.test", password = AccountsTenant.Password, name = "x" })).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync("account/confirm/resend", "account/confirm/resend", new Dictionary<string, string> { ["Email"] = "rita@corp.test" })).StatusCode);
        var mails = await tenant.DeliverAsync();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("rita@corp.test", m.To.Mailboxes.Single().Address));
        var confirm = tenant.LinkIn(mails[^1], "account/confirm");

        var confirmed = await browser.GetAsync(confirm);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("You can sign in now.", AccountsTenant.StatusText(await confirmed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("rita@corp.test", AccountsTenant.Password)).StatusCode);

        // Registering again with the address creates nothing and tells the visitor nothing new; the owner gets a mail.
        var twice = await visitor.SubmitAsync("account/register", "account/register", Form("Impostor", "rita@corp.test"));
        Assert.StartsWith("We sent a link to rita@corp.test.", AccountsTenant.StatusText(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("already have an account", Assert.Single(await tenant.DeliverAsync()).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_address_in_the_profile_replaces_the_old_one_only_when_its_link_is_followed()
    {
        await tenant.CreateUserAsync("mover", AccountsTenant.Password, Kernel.Security.BuiltInRoles.Employee);
        await tenant.DeliverAsync();
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("mover", AccountsTenant.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("account/profile", "account/profile", new Dictionary<string, string> { ["email"] = "mover@new.test" })).StatusCode);
        Assert.Contains("We sent a link to mover@new.test", WebUtility.HtmlDecode(await browser.GetStringAsync("account/profile")), StringComparison.Ordinal);

        var id = await tenant.IdOfAsync("mover");
        async Task<string?> EmailAsync() =>
            (await (await tenant.Admin.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("email").GetString();
        Assert.Equal($"mover@{tenant.Name}.test", await EmailAsync());

        var mail = Assert.Single(await tenant.DeliverAsync());
        Assert.Equal("mover@new.test", mail.To.Mailboxes.Single().Address);
        var link = tenant.LinkIn(mail, "account/confirm");
        var confirmed = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("mover@new.test", await EmailAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("account")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(link)).StatusCode);
        using var again = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("mover@new.test", AccountsTenant.Password)).StatusCode);
    }

    [Fact]
    public async Task The_administration_pages_set_the_policy_invite_and_mail_a_password_link()
    {
        await tenant.DeliverAsync();
        using var admin = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);

        var bad = await admin.SubmitAsync("admin/users/registration", "admin/users/registration", new Dictionary<string, string> { ["policy"] = "SelfRegistrationByDomain", ["allowedDomains"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"domains-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("admin/users/registration", "admin/users/registration", new Dictionary<string, string> { ["policy"] = "InvitationOnly", ["allowedDomains"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("admin/users/registration", "admin/users/invitations", new Dictionary<string, string> { ["email"] = "paged@partner.test" })).StatusCode);
        var page = await admin.GetStringAsync("admin/users/registration");
        Assert.Contains("paged@partner.test is invited.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("paged@partner.test", Assert.Single(await tenant.DeliverAsync()).To.Mailboxes.Single().Address, StringComparison.Ordinal);

        await tenant.CreateUserAsync("helped", AccountsTenant.Password, Kernel.Security.BuiltInRoles.Employee);
        var id = await tenant.IdOfAsync("helped");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("admin/users?q=helped", $"admin/users/{id}/password-mail", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("Choose your password", Assert.Single(await tenant.DeliverAsync()).Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("admin/users?q=helped", $"admin/users/{id}/two-factor/reset", new Dictionary<string, string>())).StatusCode);
    }

    [Fact]
    public async Task Erasing_a_person_deletes_their_sessions_and_their_invitation()
    {
        await tenant.PolicyAsync("InvitationOnly");
        await tenant.DeliverAsync();
        await (await tenant.Admin.PostAsJsonAsync("api/v1/users/invitations", new { email = "leaver@partner.test" })).ExpectJsonAsync(HttpStatusCode.Created);
        var link = tenant.LinkIn(Assert.Single(await tenant.DeliverAsync()), "account/invitation");
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(link, "account/invitation", new Dictionary<string, string> { ["InvitationToken"] = AccountsTenant.Query(link, "token"), ["DisplayName"] = "Lee Leaver", ["Password"] = AccountsTenant.Password, ["Confirmation"] = AccountsTenant.Password })).StatusCode);
        var id = await tenant.IdOfAsync("leaver");
        Assert.Equal((1, 1), await CountAsync(id, "LEAVER@PARTNER.TEST"));

        await (await tenant.Admin.PostAsync($"api/v1/users/{id}/erase", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal((0, 0), await CountAsync(id, "LEAVER@PARTNER.TEST"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("account")).StatusCode);
    }

    private async Task<(int Sessions, int Invitations)> CountAsync(string userId, string normalizedEmail)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        return await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<InternalSocial.Users.Services.UsersDbContext>();
            return (await db.Sessions.CountAsync(s => s.UserId == userId), await db.Invitations.CountAsync(i => i.NormalizedEmail == normalizedEmail || i.AcceptedUserId == userId));
        });
    }

    private static Dictionary<string, string> Form(string name, string email) => new()
    {
        ["DisplayName"] = name,
        ["Email"] = email,
        ["Password"] = AccountsTenant.Password,
        ["Confirmation"] = AccountsTenant.Password,
    };
}
