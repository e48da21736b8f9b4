using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>Profiles, the directory, the org chart, guests, and personal data (export, deactivation, erasure).</summary>
[Collection(WebCollection.Name)]
public abstract class PeopleTests(TestTenant tenant)
{
    private const string Password = "Pe0ple-Password";

    private const string Staff = """
        email,userName,displayName,jobTitle,department,site,manager,skills,languages
        ada@org.test,ada,Ada Lovelace,CTO,Engineering,Paris,,Rust;Mathematics,English;French
        brice@org.test,brice,Brice Éluard,Developer,Engineering,Lyon,ada@org.test,Rust;SQL,French
        chloe@org.test,chloe,Chloé Martin,Developer,Engineering,Paris,ada@org.test,C#;SQL,French;Spanish
        dan@org.test,dan,Dan Moreau,Accountant,Finance,Paris,eve@org.test,Rust;Excel,English
        eve@org.test,eve,Ève Durand,CFO,Finance,Paris,,Excel,French
        marc@org.test,marc,Marc Lévy,Designer,Ingénierie,Lyon,ada@org.test,Figma,French
        """;

    [SkippableFact]
    public async Task Directory_search_by_skill_and_department_returns_exactly_the_right_people()
    {
        tenant.SkipIfUnavailable();
        await ImportStaffAsync();
        await tenant.CreateUserAsync("reader", Password, BuiltInRoles.Employee);
        using var reader = await ClientForAsync("reader");

        Assert.Equal(["ada", "brice"], await StaffAsync(reader, "skill=rust&department=engineering"));
        Assert.Equal(["ada", "brice", "dan"], await StaffAsync(reader, "skill=RUST"));
        Assert.Equal(["dan", "eve"], await StaffAsync(reader, "department=Finance"));
        Assert.Equal(["marc"], await StaffAsync(reader, "department=ingenierie&site=lyon"));
        Assert.Equal(["marc"], await StaffAsync(reader, "department=INGÉNIERIE"));
        Assert.Equal(["chloe"], await StaffAsync(reader, "language=spanish"));
        Assert.Equal(["brice"], await StaffAsync(reader, "skill=sql&site=Lyon"));
        Assert.Equal(["chloe"], await StaffAsync(reader, "q=chlo"));
        Assert.Equal(["eve"], await StaffAsync(reader, "q=EVE%20dur"));
        Assert.Equal(["brice"], await StaffAsync(reader, "q=eluard"));
        Assert.Empty(await StaffAsync(reader, "q=ada&department=Finance"));
    }

    [SkippableFact]
    public async Task The_org_chart_of_a_manager_lists_their_reports_and_the_team_page_shows_the_chain()
    {
        tenant.SkipIfUnavailable();
        await ImportStaffAsync();
        await tenant.CreateUserAsync("orgreader", Password, BuiltInRoles.Employee);
        using var reader = await ClientForAsync("orgreader");
        var ada = await IdOfAsync("ada");

        var reports = await (await reader.GetAsync($"api/v1/users/{ada}/reports")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["brice", "chloe", "marc"], reports.EnumerateArray().Select(r => r.GetProperty("userName").GetString()));
        // Eve is Dan's manager although she comes after him in the file.
        var eveReports = await (await reader.GetAsync($"api/v1/users/{await IdOfAsync("eve")}/reports")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["dan"], eveReports.EnumerateArray().Select(r => r.GetProperty("userName").GetString()));

        var team = await PageAsync(reader, "people/brice/team");
        Assert.Contains("Ada Lovelace", team, StringComparison.Ordinal);
        var ownTeam = await PageAsync(reader, "people/ada/team");
        foreach (var name in new[] { "Brice Éluard", "Chloé Martin", "Marc Lévy" })
        {
            Assert.Contains(name, System.Net.WebUtility.HtmlDecode(ownTeam), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task A_profile_is_edited_within_limits_and_colleagues_see_what_it_shows()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("owner", Password, BuiltInRoles.Employee);
        await tenant.CreateUserAsync("colleague", Password, BuiltInRoles.Employee);
        using var owner = await ClientForAsync("owner");
        using var colleague = await ClientForAsync("colleague");
        await (await tenant.Admin.PutAsJsonAsync("api/v1/profile-fields/office", new { label = "Office", kind = "text", visibility = "employees" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/profile-fields/badge", new { label = "Badge", kind = "text", visibility = "private" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync("api/v1/profile-fields/team", new { label = "Team", kind = "choice", choices = new[] { "Red", "Blue" } })).ExpectJsonAsync(HttpStatusCode.OK);

        var saved = await (await owner.PatchAsJsonAsync("api/v1/users/me", new
        {
            jobTitle = "Engineer",
            phone = "+33 1 23 45 67 89",
            about = "I build things.",
            skills = new[] { "Kotlin", "SQL" },
            languages = new[] { "French" },
            interests = new[] { "Climbing" },
            hiddenFields = new[] { "phone" },
            preferredLanguage = "fr",
            customFields = new Dictionary<string, string> { ["office"] = "B204", ["badge"] = "12345", ["team"] = "Blue" },
        })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Engineer", saved.GetProperty("jobTitle").GetString());
        var id = saved.GetProperty("id").GetString();
        // The department decides what reaches people: a people administrator sets it (issue 16).
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{id}", new { department = "R&D" })).ExpectJsonAsync(HttpStatusCode.OK);

        var seen = await (await colleague.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("R&D", seen.GetProperty("department").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("phone").ValueKind);
        Assert.Equal(["Kotlin", "SQL"], seen.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var custom = seen.GetProperty("customFields").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("B204", custom["office"]);
        Assert.Equal("Blue", custom["team"]);
        Assert.False(custom.ContainsKey("badge"));
        var mine = await (await owner.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("+33 1 23 45 67 89", mine.GetProperty("phone").GetString());

        await (await colleague.PutAsync($"api/v1/users/{id}/skills/sql/endorsement", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await owner.PutAsync($"api/v1/users/{id}/skills/sql/endorsement", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        var endorsed = await (await colleague.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        var sql = endorsed.GetProperty("skills").EnumerateArray().First();
        Assert.Equal(("SQL", 1, true), (sql.GetProperty("name").GetString(), sql.GetProperty("endorsements").GetInt32(), sql.GetProperty("endorsedByMe").GetBoolean()));

        var tooLong = await (await owner.PatchAsJsonAsync("api/v1/users/me", new { about = new string('a', 1001), jobTitle = "Changed" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("about", out _));
        var badChoice = await (await owner.PatchAsJsonAsync("api/v1/users/me", new { customFields = new Dictionary<string, string> { ["team"] = "Green" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badChoice.GetProperty("errors").TryGetProperty("customFields.team", out _));
        var taken = await (await owner.PatchAsJsonAsync("api/v1/users/me", new { email = $"COLLEAGUE@{tenant.Name}.test" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        // The owner chose French above, and the client keeps the culture cookie: "email :".
        Assert.StartsWith("email", taken.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Engineer", (await (await owner.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("jobTitle").GetString());

        // The chosen language follows the person: the culture cookie is written at sign-in.
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        var signIn = await browser.SignInAsync("owner", Password);
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.True(cookies.Any(c => c.StartsWith(".InternalSocial.Culture=c%3Dfr", StringComparison.Ordinal)), string.Join("\n", cookies));
    }

    [SkippableFact]
    public async Task A_photo_is_resized_and_served_and_bad_photos_are_refused_naming_the_field()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("photographer", Password, BuiltInRoles.Employee);
        using var owner = await ClientForAsync("photographer");

        var notImage = await (await owner.PutAsync("api/v1/users/me/photo", Multipart("photo", Encoding.UTF8.GetBytes("<svg onload=alert(1)>"), "x.png"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(notImage.GetProperty("errors").TryGetProperty("photo", out _));
        var huge = new byte[(5 * 1024 * 1024) + 1];
        var tooBig = await (await owner.PutAsync("api/v1/users/me/photo", Multipart("photo", huge, "big.jpg"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooBig.GetProperty("errors").TryGetProperty("photo", out _));

        await (await owner.PutAsync("api/v1/users/me/photo", Multipart("photo", Png(1200, 800), "me.png"))).ExpectJsonAsync(HttpStatusCode.NoContent);
        var id = await IdOfAsync("photographer");
        var profile = await (await owner.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        var url = profile.GetProperty("photoUrl").GetString()!;
        Assert.StartsWith($"/{tenant.Prefix}/api/v1/users/{id}/photo", url, StringComparison.Ordinal);
        foreach (var (size, side) in new[] { ("", 512), ("&size=96", 96) })
        {
            var photo = await owner.GetAsync($"api/v1/users/{id}/photo?v=1{size}");
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/webp", photo.Content.Headers.ContentType?.MediaType);
            using var bitmap = SKBitmap.Decode(await photo.Content.ReadAsByteArrayAsync());
            Assert.Equal(side, bitmap.Width);
        }
    }

    [SkippableFact]
    public async Task A_guest_sees_neither_the_directory_nor_profiles_and_stops_signing_in_after_expiry()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("visitor", Password, BuiltInRoles.Guest);
        await tenant.CreateUserAsync("insider", Password, BuiltInRoles.Employee);
        using var guest = await ClientForAsync("visitor");
        var insider = await IdOfAsync("insider");
        var self = await IdOfAsync("visitor");

        await (await guest.GetAsync("api/v1/users")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await guest.GetAsync("api/v1/users?skill=rust")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await guest.GetAsync($"api/v1/users/{insider}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await guest.GetAsync($"api/v1/users/{insider}/reports")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"api/v1/users/{insider}/photo")).StatusCode);
        Assert.True((await (await guest.GetAsync($"api/v1/users/{self}")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("isGuest").GetBoolean());
        foreach (var page in new[] { "people", "people/insider", "people/insider/team" })
        {
            var response = await guest.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            Assert.DoesNotContain("insider", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var employee = await ClientForAsync("insider");
        var directory = await (await employee.GetAsync("api/v1/users?q=visitor")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(directory.GetProperty("users").EnumerateArray().Single().GetProperty("isGuest").GetBoolean());

        await (await tenant.Admin.PutAsJsonAsync($"api/v1/users/{self}/guest", new { expiresUtc = DateTime.UtcNow.AddMinutes(-1) })).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guest.GetAsync("api/v1/auth/me")).StatusCode);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("visitor", Password)).StatusCode);
    }

    [SkippableFact]
    public async Task Deactivation_and_erasure_are_audited_and_erasure_leaves_no_personal_field()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("leaver", Password, BuiltInRoles.Employee);
        await tenant.CreateUserAsync("fan", Password, BuiltInRoles.Employee);
        using var leaver = await ClientForAsync("leaver");
        using var fan = await ClientForAsync("fan");
        var id = await IdOfAsync("leaver");
        await (await leaver.PatchAsJsonAsync("api/v1/users/me", new
        {
            displayName = "Léa Vermeer",
            jobTitle = "Cartographer",
            phone = "+31 555 0101",
            about = "Secret hobbies",
            skills = new[] { "Surveying" },
            languages = new[] { "Dutch" },
            interests = new[] { "Tulips" },
            managerId = await IdOfAsync("fan"),
        })).ExpectJsonAsync(HttpStatusCode.OK);
        // Department and site are set by a people administrator (issue 16).
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{id}", new { department = "Maps", site = "Delft" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await leaver.PutAsync("api/v1/users/me/photo", Multipart("photo", Png(300, 300), "me.png"))).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await fan.PutAsync($"api/v1/users/{id}/skills/Surveying/endorsement", null)).ExpectJsonAsync(HttpStatusCode.NoContent);

        using var zip = new ZipArchive(await (await leaver.GetAsync("api/v1/users/me/export")).Content.ReadAsStreamAsync());
        var exported = JsonDocument.Parse(zip.GetEntry("profile.json")!.Open()).RootElement;
        Assert.Equal("Cartographer", exported.GetProperty("jobTitle").GetString());
        Assert.Equal(["Surveying"], exported.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));

        await (await fan.PostAsync($"api/v1/users/{id}/deactivate", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Admin.PostAsync($"api/v1/users/{id}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("api/v1/auth/me")).StatusCode);
        var former = await (await fan.GetAsync($"api/v1/users/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(former.GetProperty("isActive").GetBoolean());
        Assert.Empty(await NamesAsync(fan, "q=vermeer"));

        await (await tenant.Admin.PostAsync($"api/v1/users/{id}/erase", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await fan.GetAsync($"api/v1/users/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var audit = await (await tenant.Admin.GetAsync($"api/v1/users/{id}/audit")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["department-changed", "site-changed", "deactivated", "erased"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));

        var personal = new[] { "leaver", "Léa", "Vermeer", "LEA VERMEER", "Cartographer", "Maps", "MAPS", "Delft", "DELFT", "+31 555 0101", "Secret hobbies", "Surveying", "SURVEYING", "Dutch", "DUTCH", "Tulips", "TULIPS", $"leaver@{tenant.Name}.test", "LEAVER" };
        var rows = await RowsMentioningAsync(id);
        Assert.NotEmpty(rows);
        foreach (var (table, column, value) in rows)
        {
            Assert.False(personal.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase)), $"{table}.{column} still holds '{value}'.");
        }

        Assert.DoesNotContain(rows, r => r.Table is "Users_UserRoles" or "Users_AccessTokens" or "Users_Endorsements" or "Users_UserClaims" or "Users_UserLogins" or "Users_ProfileFieldValues");
        var entries = await AuditAsync(id);
        Assert.Equal(["department-changed", "site-changed", "deactivated", "erased"], entries.Select(e => e.Action));
        var admin = await IdOfAsync("admin");
        Assert.All(entries, e => Assert.Equal(admin, e.ByUserId));
        Assert.False(await PhotoFileExistsAsync(id));
    }

    [SkippableFact]
    public async Task The_sample_people_recipe_builds_an_organisation_once_and_exports_only_the_field_definitions()
    {
        tenant.SkipIfUnavailable();
        for (var run = 0; run < 2; run++)
        {
            await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/run", new { name = "people-demo", variables = new { peopleCount = "30" } })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        // Sample people have user names like "marie.dupont" (other tests of the class import engineers too).
        var engineering = (await NamesAsync(tenant.Admin, "department=engineering")).Where(n => n.Contains('.', StringComparison.Ordinal)).ToList();
        // The chief executive, the head of engineering and four engineers.
        Assert.Equal(6, engineering.Count);
        var head = (await (await tenant.Admin.GetAsync("api/v1/users?department=engineering")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("users").EnumerateArray()
            .Single(u => u.GetProperty("jobTitle").GetString() == "Head of Engineering").GetProperty("id").GetString();
        var reports = await (await tenant.Admin.GetAsync($"api/v1/users/{head}/reports")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, reports.GetArrayLength());

        var export = (await (await tenant.Admin.GetAsync("api/v1/recipes/export")).ExpectJsonAsync(HttpStatusCode.OK)).GetRawText();
        Assert.Contains("working-pattern", export, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.example", export, StringComparison.Ordinal);

        var invalid = await (await tenant.Admin.PostAsJsonAsync("api/v1/recipes/validate", new
        {
            recipe = new { name = "bad-people", steps = new object[] { new { name = "people", people = new[] { new { email = "not-an-email" } } } } },
        })).Content.ReadAsStringAsync();
        Assert.Contains("people[0].email", invalid, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Directory_terms_compare_by_bytes_so_name_prefix_ranges_hold_only_their_prefix()
    {
        tenant.SkipIfUnavailable();
        string? collation = null;
        await InScopeAsync(async services =>
        {
            var connection = services.GetRequiredService<UsersDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // SQLite compares text by bytes unless a column says otherwise; PostgreSQL must be told with "C".
            command.CommandText = tenant.Provider == Kernel.Shells.DatabaseProvider.Postgres
                ? "SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Users_PersonTerms' AND column_name = 'Value'"
                : "SELECT COALESCE((SELECT 'C' FROM pragma_table_xinfo('Users_PersonTerms') WHERE name = 'Value' AND 'MA RZ' < 'MAR'), 'other')";
            collation = await command.ExecuteScalarAsync() as string;
        });
        Assert.Equal("C", collation);
    }

    [SkippableFact]
    public async Task The_pages_edit_a_profile_find_people_and_import_after_a_preview()
    {
        tenant.SkipIfUnavailable();
        await tenant.CreateUserAsync("pageuser", Password, BuiltInRoles.Employee);
        using var browser = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("pageuser", Password)).StatusCode);

        var tooLong = await browser.SubmitAsync("account/profile", "account/profile", new Dictionary<string, string> { ["displayName"] = "Page User", ["about"] = new string('a', 1001) });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("field-error", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await browser.SubmitAsync("account/profile", "account/profile", new Dictionary<string, string>
        {
            ["displayName"] = "Pauline Géraud",
            ["jobTitle"] = "Buyer",
            ["skills"] = "Negotiation, Excel",
            ["about"] = "<script>alert(1)</script>",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // The department decides what reaches people: a people administrator sets it (issue 16).
        await (await tenant.Admin.PatchAsJsonAsync($"api/v1/users/{await IdOfAsync("pageuser")}", new { department = "Purchasing" })).ExpectJsonAsync(HttpStatusCode.OK);
        var profile = await PageAsync(browser, "people/pageuser");
        Assert.Contains("Buyer", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", profile, StringComparison.Ordinal);
        Assert.Contains("Pauline G", await PageAsync(browser, "people?department=purchasing&skill=excel"), StringComparison.Ordinal);

        using var admin = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        const string csv = "email,displayName,department\nzoe.page@org.test,Zoé Page,Purchasing\nbroken,Nobody,Purchasing\n";
        var preview = await admin.SubmitAsync("admin/users/import", "admin/users/import", new Dictionary<string, string> { ["csv"] = csv });
        var previewHtml = System.Net.WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("<td>3</td>", previewHtml, StringComparison.Ordinal);
        Assert.Null(await IdOrNullAsync("zoe.page"));
        var applied = await admin.SubmitAsync("admin/users/import", "admin/users/import", new Dictionary<string, string> { ["csv"] = csv, ["apply"] = "true" });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.NotNull(await IdOrNullAsync("zoe.page"));
    }

    protected static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {response.Headers.Location} {body}");
        return body;
    }

    protected async Task ImportStaffAsync()
    {
        if (await IdOrNullAsync("ada") is not null)
        {
            return;
        }

        var report = await (await tenant.Admin.PostAsync("api/v1/users/import", new StringContent(Staff, Encoding.UTF8, "text/csv"))).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(6, report.GetProperty("created").GetInt32());
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
    }

    protected static async Task<List<string>> NamesAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync("api/v1/users?" + query)).ExpectJsonAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userName").GetString()!).Where(n => n is not ("reader" or "orgreader"))];
    }

    /// <summary>The people of <see cref="Staff"/> found: other tests of the class add sample people ("first.last") and readers.</summary>
    protected static async Task<List<string>> StaffAsync(HttpClient client, string query) =>
        [.. (await NamesAsync(client, query)).Where(n => !n.Contains('.', StringComparison.Ordinal))];

    /// <summary>A client with a token issued in the tenant's own services (no sign-in round trip, no rate limit).</summary>
    protected async Task<HttpClient> ClientForAsync(string userName)
    {
        string? token = null;
        await InScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<User>>().FindByNameAsync(userName);
            token = (await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(user!.Id, "tests", null, CancellationToken.None)).Token;
        });
        var client = tenant.Host.CreateClient(tenant.Prefix);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected async Task<string> IdOfAsync(string userName) => await IdOrNullAsync(userName) ?? throw new InvalidOperationException(userName);

    protected async Task<string?> IdOrNullAsync(string userName)
    {
        string? id = null;
        await InScopeAsync(async services => id = (await services.GetRequiredService<UserManager<User>>().FindByNameAsync(userName))?.Id);
        return id;
    }

    protected async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        await shell.InScopeAsync(action);
    }

    private async Task<List<PeopleAuditEntry>> AuditAsync(string id)
    {
        var entries = new List<PeopleAuditEntry>();
        await InScopeAsync(async services => entries = await services.GetRequiredService<UsersDbContext>().Audit.Where(a => a.UserId == id).OrderBy(a => a.Id).ToListAsync());
        return entries;
    }

    private async Task<bool> PhotoFileExistsAsync(string id)
    {
        var exists = false;
        await InScopeAsync(async services =>
        {
            await using var photo = await services.GetRequiredService<InternalSocial.Kernel.Files.ITenantFileStore>().OpenReadAsync($"users/photos/{id}/1.webp", CancellationToken.None);
            exists = photo is not null;
        });
        return exists;
    }

    /// <summary>Every text value of every row of the Users tables that belongs to the person (by user id).</summary>
    private async Task<List<(string Table, string Column, string Value)>> RowsMentioningAsync(string id)
    {
        var found = new List<(string, string, string)>();
        await InScopeAsync(async services =>
        {
            var connection = services.GetRequiredService<UsersDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var (table, key) in new[] { ("Users_Users", "Id"), ("Users_UserRoles", "UserId"), ("Users_UserClaims", "UserId"), ("Users_UserLogins", "UserId"), ("Users_UserTokens", "UserId"), ("Users_AccessTokens", "UserId"), ("Users_PersonTerms", "UserId"), ("Users_Endorsements", "UserId"), ("Users_ProfileFieldValues", "UserId"), ("Users_Audit", "UserId") })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" = @id";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "id";
                parameter.Value = id;
                command.Parameters.Add(parameter);
                await using DbDataReader reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        found.Add((table, reader.GetName(i), reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    }
                }
            }
        });
        return found;
    }

    protected static MultipartFormDataContent Multipart(string field, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, field, fileName);
        return form;
    }

    protected static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.CornflowerBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}

/// <summary>People on SQLite.</summary>
public sealed class PeopleOnSqlite(SqliteTenant tenant) : PeopleTests(tenant), IClassFixture<SqliteTenant>;

/// <summary>People on PostgreSQL (needs INTERNALSOCIAL_TEST_POSTGRES).</summary>
public sealed class PeopleOnPostgres(PostgresTenant tenant) : PeopleTests(tenant), IClassFixture<PostgresTenant>;
