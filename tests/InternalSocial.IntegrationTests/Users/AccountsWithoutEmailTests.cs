using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>Without the E-mail feature nothing can be mailed: the pages say so instead of pretending.</summary>
[Collection(WebCollection.Name)]
public sealed class AccountsWithoutEmailTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task Invitations_registration_and_password_mails_are_refused_and_the_forgotten_password_page_answers_as_usual()
    {
        await tenant.CreateUserAsync("nomail", "N0-Mail-Password", BuiltInRoles.Employee);
        using var visitor = tenant.Host.CreateClient(tenant.Prefix);
        var forgot = await visitor.SubmitAsync("account/forgot", "account/forgot", new Dictionary<string, string> { ["Email"] = $"nomail@{tenant.Name}.test" });
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        Assert.StartsWith("If an account uses this address", AccountsTenant.StatusText(await forgot.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await (await tenant.Admin.PutAsJsonAsync("api/v1/users/registration", new { policy = "SelfRegistrationByDomain", allowedDomains = new[] { "corp.test" } })).ExpectJsonAsync(HttpStatusCode.OK);
        var invite = await (await tenant.Admin.PostAsJsonAsync("api/v1/users/invitations", new { email = "someone@corp.test" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("E-mail feature", invite.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        var register = await visitor.SubmitAsync("account/register", "account/register", new Dictionary<string, string> { ["DisplayName"] = "Someone", ["Email"] = "someone@corp.test", ["Password"] = "S0me-Password", ["Confirmation"] = "S0me-Password" });
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        Assert.Matches(AccountsTenant.FieldError("Email"), await register.Content.ReadAsStringAsync());

        var users = await (await tenant.Admin.GetAsync("api/v1/users?q=nomail")).ExpectJsonAsync(HttpStatusCode.OK);
        var id = users.GetProperty("users").EnumerateArray().Single().GetProperty("id").GetString();
        await (await tenant.Admin.PostAsync($"api/v1/users/{id}/password-mail", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
    }
}
