using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 7: links in e-mails start with the organisation's public address, never with the Host header of
/// the request that caused the mail — a forged Host would otherwise mail someone's reset link to another site.
/// </summary>
public abstract class EmailLinkAddressTests(RequestsTenant tenant)
{
    [SkippableFact]
    public async Task A_forgotten_password_asked_with_a_forged_host_mails_a_link_to_the_configured_address()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("forgetful", RequestsTenant.Password, BuiltInRoles.Employee);
        var address = $"https://social.{tenant.Name}.test/{tenant.Prefix}";
        await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { baseUrl = address + "/" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(address, (await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("baseUrl").GetString());
        await tenant.DeliverAsync();

        var mail = Assert.Single(await ForgotWithForgedHostAsync("forgetful"));
        Assert.Contains(address + "/account/reset?user=", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.test", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Without_an_address_or_a_host_name_no_link_is_mailed_and_the_administrator_is_told_why()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("unlinked", RequestsTenant.Password, BuiltInRoles.Employee);
        var before = (await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("baseUrl").GetString();
        await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { baseUrl = "" })).ExpectJsonAsync(HttpStatusCode.OK);
        try
        {
            await tenant.DeliverAsync();
            // The same answer as for an unknown address, and no mail: the forged host gets nothing either.
            Assert.Empty(await ForgotWithForgedHostAsync("unlinked"));

            var id = (await (await tenant.Admin.GetAsync("api/v1/users?q=unlinked")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("users")[0].GetProperty("id").GetString();
            var refused = await (await tenant.Admin.PostAsync($"api/v1/users/{id}/password-mail", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("no public address", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Empty(await tenant.DeliverAsync());
        }
        finally
        {
            await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { baseUrl = before ?? "" })).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    [SkippableFact]
    public async Task An_address_that_is_not_an_absolute_http_url_is_refused_naming_the_field()
    {
        tenant.SkipIfUnavailable();
        var before = await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var bad in new[] { "social.contoso.test", "javascript:alert(1)", "ftp://files.contoso.test", "https://social.contoso.test/?next=evil", "https://social.contoso.test/#top" })
        {
            var problem = await (await tenant.Admin.PutAsJsonAsync("api/v1/settings", new { baseUrl = bad })).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("not a public address", problem.GetProperty("errors").GetProperty("baseUrl")[0].GetString(), StringComparison.Ordinal);
        }

        var after = await (await tenant.Admin.GetAsync("api/v1/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("baseUrl").ToString(), after.GetProperty("baseUrl").ToString());
    }

    /// <summary>The forgot-password form, read and posted with <c>Host: evil.test</c> (the tenant answers at its prefix on any host).</summary>
    private async Task<List<MimeKit.MimeMessage>> ForgotWithForgedHostAsync(string userName)
    {
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var forged = $"http://evil.test/{tenant.Prefix}/account/forgot";
        var answer = await browser.SubmitAsync(forged, forged, new Dictionary<string, string> { ["Email"] = $"{userName}@{tenant.Name}.test" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await tenant.DeliverAsync();
    }
}

[Collection(WebCollection.Name)]
public sealed class EmailLinkAddressOnSqlite(RequestsSqliteTenant tenant) : EmailLinkAddressTests(tenant), IClassFixture<RequestsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class EmailLinkAddressOnPostgres(RequestsPostgresTenant tenant) : EmailLinkAddressTests(tenant), IClassFixture<RequestsPostgresTenant>;
