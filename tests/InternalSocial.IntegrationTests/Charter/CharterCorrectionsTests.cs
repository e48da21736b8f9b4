using System.Net;
using System.Net.Http.Json;
using InternalSocial.Charter.Gate;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// Declining ends the session on the server (a copy of the cookie is refused); with nothing published there is nothing
/// to accept, said plainly by the API and the page; the publish form starts from the current texts; the editorial
/// charter's history has no material column.
/// </summary>
public abstract class CharterCorrectionsTests(CharterPagesTenant tenant)
{
    [SkippableFact]
    public async Task Declining_ends_the_session_on_the_server_so_a_copy_of_its_cookie_is_refused()
    {
        tenant.SkipIfUnavailable();
        var userName = $"copied{Guid.NewGuid():N}"[..20];
        await tenant.CreateUserAsync(userName, CharterPagesTenant.Password, BuiltInRoles.Employee);
        var browser = tenant.Host.CreateClient(tenant.Prefix);
        var signedIn = await browser.SignInAsync(userName, CharterPagesTenant.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith(".InternalSocial.", StringComparison.Ordinal))
            .Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));
        using var copy = tenant.Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = browser.BaseAddress!, AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);

        // Signed in, before the charter: the copy is the person (the gate answers, not the sign-in).
        var before = await (await copy.GetAsync("api/v1/auth/me")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(CharterGateResponse.ProblemType, before.GetProperty("type").GetString());

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("charter", "charter/decline", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("api/v1/auth/me")).StatusCode);
        var page = await copy.GetAsync("feed");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/signin", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Accepting_when_nothing_is_published_is_a_clear_conflict_on_the_api_and_the_page()
    {
        tenant.SkipIfUnavailable();

        // No guests' charter is published in this tenant.
        var userName = $"guest{Guid.NewGuid():N}"[..20];
        await tenant.CreateUserAsync(userName, CharterPagesTenant.Password, BuiltInRoles.Guest);
        var guest = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await guest.SignInAsync(userName, CharterPagesTenant.Password)).StatusCode);
        var token = await tenant.Host.CreateTokenClientAsync(tenant.Prefix, userName, CharterPagesTenant.Password);
        var problem = await (await token.PostAsJsonAsync("api/v1/charter/accept", new { version = 1 })).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("There is no charter to accept: none has been published for you.", problem.GetProperty("detail").GetString());

        // The page offers no acceptance then; a page left open from before (the person became a guest meanwhile) still can post one.
        var page = await guest.GetStringAsync("charter");
        Assert.Contains("No charter has been published for you yet.", page, StringComparison.Ordinal);
        var antiforgery = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var refused = await guest.PostAsync("charter/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery) }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("There is no charter to accept: none has been published for you.", await guest.GetStringAsync(refused.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_publish_form_starts_from_the_current_texts_and_the_editorial_history_has_no_material_column()
    {
        tenant.SkipIfUnavailable();
        var admin = await tenant.AdminBrowserAsync();
        await tenant.PublishAsync("editorial", "## Prefilled rule\n\nStart from me.", "## Règle préremplie\n\nPartez de moi.", material: false);
        var index = WebUtility.HtmlDecode(await admin.GetStringAsync("admin/charter"));
        Assert.Contains("## Prefilled rule\n\nStart from me.</textarea>", index, StringComparison.Ordinal);
        Assert.Contains("## Règle préremplie\n\nPartez de moi.</textarea>", index, StringComparison.Ordinal);

        var editorial = await admin.GetStringAsync("admin/charter/editorial");
        Assert.DoesNotContain(">Kind<", editorial, StringComparison.Ordinal);
        Assert.DoesNotContain("Editorial fix", editorial, StringComparison.Ordinal);
        Assert.Contains(">Kind<", await admin.GetStringAsync("admin/charter/employees"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_pending_count_of_the_administration_is_the_length_of_the_pending_list()
    {
        tenant.SkipIfUnavailable();
        foreach (var role in new[] { BuiltInRoles.Employee, BuiltInRoles.Employee, BuiltInRoles.Guest })
        {
            await tenant.CreateUserAsync($"counted{Guid.NewGuid():N}"[..20], CharterPagesTenant.Password, role);
        }

        var versions = await (await tenant.Admin.GetAsync("api/v1/charter/versions?audience=employees")).ExpectJsonAsync(HttpStatusCode.OK);
        var gating = versions.EnumerateArray().Where(v => v.GetProperty("material").GetBoolean()).Max(v => v.GetProperty("number").GetInt32());
        var listed = 0;
        string? after = null;
        do
        {
            var page = await (await tenant.Admin.GetAsync($"api/v1/charter/acceptances?audience=employees&version={gating}&status=pending{(after is null ? "" : "&after=" + after)}")).ExpectJsonAsync(HttpStatusCode.OK);
            listed += page.GetProperty("items").GetArrayLength();
            after = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (after is not null);

        Assert.True(listed >= 2);
        Assert.Contains($">{listed} have not accepted yet</a>", await (await tenant.AdminBrowserAsync()).GetStringAsync("admin/charter"), StringComparison.Ordinal);
    }
}

[Collection(WebCollection.Name)]
public sealed class CharterCorrectionsTestsOnSqlite(CharterPagesSqliteTenant tenant) : CharterCorrectionsTests(tenant), IClassFixture<CharterPagesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterCorrectionsTestsOnPostgres(CharterPagesPostgresTenant tenant) : CharterCorrectionsTests(tenant), IClassFixture<CharterPagesPostgresTenant>;
