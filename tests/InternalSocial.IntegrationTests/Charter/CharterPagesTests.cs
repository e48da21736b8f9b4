using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// The charter's pages over HTTP, as a browser without JavaScript uses them: the gate leads to the charter, accepting
/// goes back to the page asked for (a local one only), declining signs out and says so; the administration publishes
/// (errors beside their field), a material version gates again, the history compares versions word by word with the
/// text encoded; the editorial charter sits folded beside the composer, its rules anchored.
/// </summary>
public abstract class CharterPagesTests(CharterPagesTenant tenant)
{
    [SkippableFact]
    public async Task A_person_who_has_not_accepted_reads_the_charter_accepts_it_and_returns_to_the_page_they_asked_for()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.NewPersonBrowserAsync($"reader{Guid.NewGuid():N}"[..20]);
        var gated = await browser.GetAsync("feed");
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        var charterUrl = gated.Headers.Location!.OriginalString;
        Assert.Contains("/charter?returnUrl=", charterUrl, StringComparison.Ordinal);
        var returnUrl = Uri.UnescapeDataString(charterUrl[(charterUrl.IndexOf("returnUrl=", StringComparison.Ordinal) + "returnUrl=".Length)..]);

        var page = await browser.GetStringAsync(charterUrl);
        Assert.Contains("<strong>kindly</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("id=\"rule-2\"", page, StringComparison.Ordinal);
        Assert.Contains("I decline and sign out", page, StringComparison.Ordinal);

        var accepted = await browser.SubmitAsync(charterUrl, "charter/accept", new Dictionary<string, string>
        {
            ["version"] = CharterPagesTenant.OfferedVersion(page).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["language"] = "en",
            ["returnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(returnUrl, accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("feed")).StatusCode);
        Assert.Contains("You have accepted this version.", await browser.GetStringAsync("charter"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Declining_signs_the_person_out_and_the_sign_in_page_says_why()
    {
        tenant.SkipIfUnavailable();
        var browser = await tenant.NewPersonBrowserAsync($"decliner{Guid.NewGuid():N}"[..20]);
        var declined = await browser.SubmitAsync("charter", "charter/decline", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var signIn = declined.Headers.Location!.OriginalString;
        Assert.EndsWith("/account/signin", signIn, StringComparison.Ordinal);
        Assert.Contains("You declined the charter, so you are signed out.", await browser.GetStringAsync(signIn), StringComparison.Ordinal);
        var after = await browser.GetAsync("feed");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/signin", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_material_version_published_from_the_page_gates_again_and_its_differences_are_shown_word_by_word_encoded()
    {
        tenant.SkipIfUnavailable();
        var admin = await tenant.AdminBrowserAsync();
        var member = await tenant.NewPersonBrowserAsync($"member{Guid.NewGuid():N}"[..20]);
        var first = await member.GetStringAsync("charter");
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync("charter", "charter/accept", new Dictionary<string, string>
        {
            ["version"] = CharterPagesTenant.OfferedVersion(first).ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode);
        var before = (await admin.GetStringAsync("admin/charter")).Length;
        Assert.True(before > 0);

        var refused = await admin.SubmitAsync("admin/charter", "admin/charter/employees/publish", new Dictionary<string, string> { ["En"] = "Only English", ["Material"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"publish-employees-fr-error\"", form, StringComparison.Ordinal);
        Assert.Contains("Only English", form, StringComparison.Ordinal);

        var changed = CharterPagesTenant.EmployeesV1.Replace("Treat colleagues **kindly**.", "Treat colleagues <b>fairly</b> and **kindly**.", StringComparison.Ordinal);
        var published = await admin.SubmitAsync("admin/charter", "admin/charter/employees/publish", new Dictionary<string, string>
        {
            ["En"] = changed,
            ["Fr"] = "# Charte\n\n## Respect\n\nTraitez vos collègues avec équité.\n",
            ["Material"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var versions = await (await tenant.Admin.GetAsync("api/v1/charter/versions?audience=employees")).ExpectJsonAsync(HttpStatusCode.OK);
        var latest = versions.EnumerateArray().Max(v => v.GetProperty("number").GetInt32());
        await CharterPagesTenant.AcceptAsync(tenant.Admin, latest);

        // Gated again; accepting now ignores a return address off the site.
        var gated = await member.GetAsync("feed");
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Contains("/charter", gated.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var reaccepted = await member.SubmitAsync("charter", "charter/accept", new Dictionary<string, string>
        {
            ["version"] = latest.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["returnUrl"] = "https://elsewhere.test/phish",
        });
        Assert.Equal(HttpStatusCode.Redirect, reaccepted.StatusCode);
        Assert.Equal(new Uri(member.BaseAddress!, ".").AbsolutePath, reaccepted.Headers.Location!.OriginalString);

        var diff = await member.GetStringAsync($"charter/employees/diff?from={latest - 1}&to={latest}&lang=en");
        Assert.Contains("&lt;b&gt;fairly&lt;/b&gt;", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>fairly", diff, StringComparison.Ordinal);
        Assert.Contains("<ins>", diff, StringComparison.Ordinal);
        var french = await member.GetStringAsync($"charter/employees/diff?from={latest - 1}&to={latest}&lang=fr");
        Assert.Contains("<del><span class=\"visually-hidden\">[removed] </span>", french, StringComparison.Ordinal);

        var history = await admin.GetStringAsync("admin/charter/employees");
        Assert.Matches($"diff\\?from={latest - 1}&(amp;)?to={latest}\"", history);
        Assert.Contains("Material", history, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_editorial_fix_gates_no_one_and_the_acceptances_pages_list_who_has_and_has_not_accepted()
    {
        tenant.SkipIfUnavailable();
        var admin = await tenant.AdminBrowserAsync();
        var waiting = $"waiting{Guid.NewGuid():N}"[..20];
        await tenant.CreateUserAsync(waiting, CharterPagesTenant.Password, Kernel.Security.BuiltInRoles.Employee);
        var versions = await (await tenant.Admin.GetAsync("api/v1/charter/versions?audience=employees")).ExpectJsonAsync(HttpStatusCode.OK);
        var gating = versions.EnumerateArray().Where(v => v.GetProperty("material").GetBoolean()).Max(v => v.GetProperty("number").GetInt32());

        var pending = await admin.GetStringAsync($"admin/charter/employees/{gating}/acceptances?status=pending");
        Assert.Contains(waiting, pending, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", pending, StringComparison.Ordinal);
        Assert.Contains("acceptances.csv?audience=employees", pending, StringComparison.Ordinal);
        var accepted = await admin.GetStringAsync($"admin/charter/employees/{gating}/acceptances");
        Assert.Contains("href=\"/" + tenant.Prefix + "/people/admin\"", accepted, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting, accepted, StringComparison.Ordinal);

        var current = (await (await tenant.Admin.GetAsync("api/v1/charter")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("markdown").GetString()!;
        var fixedTypo = await admin.SubmitAsync("admin/charter", "admin/charter/employees/publish", new Dictionary<string, string>
        {
            ["En"] = current + "\nTypo fixed.\n",
            ["Fr"] = "# Charte\n\nCoquille corrigée.\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, fixedTypo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("admin/charter")).StatusCode);
        Assert.Contains("Editorial fix", await admin.GetStringAsync("admin/charter/employees"), StringComparison.Ordinal);

        var reminded = await admin.SubmitAsync($"admin/charter/employees/{gating}/acceptances?status=pending", "admin/charter/employees/remind", new Dictionary<string, string>
        {
            ["version"] = gating.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
    }

    [SkippableFact]
    public async Task The_editorial_charter_is_folded_beside_the_composer_and_whole_on_its_page_with_each_rule_anchored()
    {
        tenant.SkipIfUnavailable();
        var admin = await tenant.AdminBrowserAsync();
        var feed = await admin.GetStringAsync("feed");
        Assert.Contains("<details class=\"charter-composer\">", feed, StringComparison.Ordinal);
        Assert.Contains("id=\"rule-1\"", feed, StringComparison.Ordinal);
        Assert.Contains("Stay on topic", feed, StringComparison.Ordinal);

        var page = await admin.GetStringAsync("charter/editorial");
        Assert.Contains("href=\"#rule-2\"", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"rule-2\">2. Cite your sources</h2>", page, StringComparison.Ordinal);
    }
}

[Collection(WebCollection.Name)]
public sealed class CharterPagesTestsOnSqlite(CharterPagesSqliteTenant tenant) : CharterPagesTests(tenant), IClassFixture<CharterPagesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterPagesTestsOnPostgres(CharterPagesPostgresTenant tenant) : CharterPagesTests(tenant), IClassFixture<CharterPagesPostgresTenant>;
