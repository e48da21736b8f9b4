using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Security;

/// <summary>
/// Issue 16, point 6: a page of another site can make a signed-in person's browser call the API with their cookie.
/// A call that changes something with the cookie must carry the page's antiforgery token; a bearer token needs none.
/// </summary>
public abstract class ApiAntiforgeryTests(RequestsTenant tenant)
{
    private const string Header = ApiAntiforgery.HeaderName;

    [SkippableFact]
    public async Task A_moderation_task_is_not_approved_through_the_cookie_without_the_page_s_token()
    {
        tenant.SkipIfUnavailable();
        var postId = await HeldPostAsync("Is there a strike planned on Monday?");
        var taskId = await TaskIdAsync(postId);
        using var browser = await tenant.BrowserAsync("sitemod");

        await AssertRefusedAsync(await browser.PostAsync($"api/v1/moderation/tasks/{taskId}/approve", null));
        await AssertRefusedAsync(await SendAsync(browser, HttpMethod.Post, $"api/v1/moderation/tasks/{taskId}/approve", "forged-token"));
        Assert.Equal(taskId, await TaskIdAsync(postId));
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).StatusCode);

        var approved = await SendAsync(browser, HttpMethod.Post, $"api/v1/moderation/tasks/{taskId}/approve", await RequestsTenant.PageTokenAsync(browser));
        await approved.ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Reader.GetAsync($"api/v1/posts/{postId}")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_person_is_not_erased_through_the_cookie_without_the_page_s_token()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("leaver", RequestsTenant.Password, BuiltInRoles.Employee);
        var id = await IdOfAsync("leaver");
        using var browser = await tenant.BrowserAsync("admin");

        await AssertRefusedAsync(await browser.PostAsync($"api/v1/users/{id}/erase", null));
        var kept = await (await tenant.Admin.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("leaver", kept.GetProperty("displayName").GetString());

        var erased = await SendAsync(browser, HttpMethod.Post, $"api/v1/users/{id}/erase", await RequestsTenant.PageTokenAsync(browser));
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        // An erased person's profile is gone.
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"api/v1/users/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task People_are_not_imported_through_the_cookie_without_the_page_s_token_and_a_bearer_token_needs_none()
    {
        tenant.SkipIfUnavailable();
        using var browser = await tenant.BrowserAsync("admin");
        var csv = $"email,userName,displayName\nforged@{tenant.Name}.test,forged,Forged Person\n";

        await AssertRefusedAsync(await browser.PostAsync("api/v1/users/import", new StringContent(csv, Encoding.UTF8, "text/csv")));
        Assert.Null(await FindAsync("forged"));

        using var withToken = new HttpRequestMessage(HttpMethod.Post, "api/v1/users/import") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        withToken.Headers.Add(Header, await RequestsTenant.PageTokenAsync(browser));
        await (await browser.SendAsync(withToken)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(await FindAsync("forged"));

        // A script with a personal access token sends no antiforgery token, and needs none.
        var byToken = $"email,userName,displayName\nscripted@{tenant.Name}.test,scripted,Scripted Person\n";
        await (await tenant.Admin.PostAsync("api/v1/users/import", new StringContent(byToken, Encoding.UTF8, "text/csv"))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(await FindAsync("scripted"));
    }

    [SkippableFact]
    public async Task Reading_through_the_cookie_and_anonymous_calls_need_no_token()
    {
        tenant.SkipIfUnavailable();
        using var browser = await tenant.BrowserAsync("reader");
        await (await browser.GetAsync("api/v1/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        using var anonymous = tenant.Host.CreateClient(tenant.Prefix);
        await (await anonymous.PostAsJsonAsync("api/v1/auth/tokens", new { userName = "reader", password = RequestsTenant.Password, name = "script" })).ExpectJsonAsync(HttpStatusCode.Created);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("antiforgery token is missing or invalid", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(Header, out _), problem.ToString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(Header, token);
        return await client.SendAsync(request);
    }

    private async Task<long> HeldPostAsync(string body)
    {
        var created = await (await tenant.Author.PostAsJsonAsync("api/v1/posts", new { body })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Pending", created.GetProperty("status").GetString());
        return created.GetProperty("id").GetInt64();
    }

    private async Task<long> TaskIdAsync(long postId)
    {
        var page = await (await tenant.SiteModerator.GetAsync("api/v1/moderation/tasks")).ExpectJsonAsync(HttpStatusCode.OK);
        var subject = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Assert.Single(page.GetProperty("items").EnumerateArray(), t => t.GetProperty("subjectId").GetString() == subject).GetProperty("id").GetInt64();
    }

    private async Task<string> IdOfAsync(string userName) =>
        (await FindAsync(userName))?.GetProperty("id").GetString() ?? throw new InvalidOperationException($"No {userName}.");

    private async Task<JsonElement?> FindAsync(string userName)
    {
        var page = await (await tenant.Admin.GetAsync($"api/v1/users?q={userName}")).ExpectJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("users").EnumerateArray().Where(u => u.GetProperty("userName").GetString() == userName).Select(u => (JsonElement?)u).FirstOrDefault();
    }
}

[Collection(WebCollection.Name)]
public sealed class ApiAntiforgeryOnSqlite(RequestsSqliteTenant tenant) : ApiAntiforgeryTests(tenant), IClassFixture<RequestsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class ApiAntiforgeryOnPostgres(RequestsPostgresTenant tenant) : ApiAntiforgeryTests(tenant), IClassFixture<RequestsPostgresTenant>;
