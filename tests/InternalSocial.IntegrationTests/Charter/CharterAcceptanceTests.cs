using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Charter.CharterTenant;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>The proof: who accepted, who has not, the CSV, reminders, the person's export and what erasure keeps; input errors name the field.</summary>
public abstract class CharterAcceptanceTests(CharterTenant tenant)
{
    [SkippableFact]
    public async Task Managers_see_who_accepted_and_who_is_pending_page_by_page_and_as_csv_with_formulas_defused()
    {
        tenant.SkipIfUnavailable();
        var number = await tenant.PublishAsync("employees", material: true, "Listed.");
        var (acceptedId, _, accepting) = await tenant.PersonAsync(displayName: "=HYPERLINK(\"http://evil\")");
        var (pendingId, _, waiting) = await tenant.PersonAsync();
        await AcceptCurrentAsync(accepting);

        var accepted = await AllAsync($"api/v1/charter/acceptances?audience=employees&version={number}&status=accepted");
        var row = Assert.Single(accepted, r => r.GetProperty("userId").GetString() == acceptedId);
        Assert.Equal("api", row.GetProperty("method").GetString());
        Assert.Equal(number, row.GetProperty("version").GetInt32());
        Assert.DoesNotContain(accepted, r => r.GetProperty("userId").GetString() == pendingId);

        var pending = await AllAsync($"api/v1/charter/acceptances?audience=employees&status=pending");
        Assert.Contains(pending, r => r.GetProperty("userId").GetString() == pendingId);
        Assert.DoesNotContain(pending, r => r.GetProperty("userId").GetString() == acceptedId);

        var csv = await tenant.Admin.GetAsync($"api/v1/charter/acceptances.csv?audience=employees&version={number}&status=accepted");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("userId,userName,displayName,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text, StringComparison.Ordinal);

        // Employees see none of it.
        await (await waiting.GetAsync("api/v1/charter/acceptances?audience=employees&status=pending")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await waiting.GetAsync("api/v1/charter/acceptances.csv?audience=employees")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await waiting.PostAsJsonAsync("api/v1/charter/reminders", new { audience = "employees" })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var reminded = await (await tenant.Admin.PostAsJsonAsync("api/v1/charter/reminders", new { audience = "employees" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(reminded.GetProperty("reminded").GetInt32() >= 1);
    }

    [SkippableFact]
    public async Task Erasing_a_person_keeps_their_acceptance_without_them_and_their_export_holds_it_before()
    {
        tenant.SkipIfUnavailable();
        var number = await tenant.PublishAsync("employees", material: true, "Kept.");
        var (id, _, person) = await tenant.PersonAsync();
        await AcceptCurrentAsync(person);
        using (var zip = new ZipArchive(await (await person.GetAsync("api/v1/users/me/export")).Content.ReadAsStreamAsync()))
        {
            var exported = JsonDocument.Parse(zip.GetEntry("charter.json")!.Open()).RootElement;
            var acceptance = Assert.Single(exported.GetProperty("acceptances").EnumerateArray());
            Assert.Equal(number, acceptance.GetProperty("version").GetInt32());
        }

        var before = await tenant.InDatabaseAsync(db => db.Acceptances.AsNoTracking().SingleAsync(a => a.UserId == id));
        await AcceptCurrentAsync(tenant.Admin);
        await (await tenant.Admin.PostAsync($"api/v1/users/{id}/erase", null)).ExpectJsonAsync(HttpStatusCode.NoContent);

        var after = await tenant.InDatabaseAsync(db => db.Acceptances.AsNoTracking().SingleAsync(a => a.Id == before.Id));
        Assert.Null(after.UserId);
        Assert.NotNull(after.ErasedUtc);
        Assert.Equal((before.VersionId, before.Language, before.AcceptedUtc, before.Method), (after.VersionId, after.Language, after.AcceptedUtc, after.Method));
        var listed = await AllAsync($"api/v1/charter/acceptances?audience=employees&version={number}&status=accepted");
        Assert.Contains(listed, r => r.GetProperty("userId").ValueKind == JsonValueKind.Null);
    }

    [SkippableFact]
    public async Task Publishing_needs_the_permission_and_bad_input_names_each_field()
    {
        tenant.SkipIfUnavailable();
        var (_, _, employee) = await tenant.PersonAsync();
        await (await employee.PostAsJsonAsync("api/v1/charter/versions", new { audience = "employees", texts = new { en = "x", fr = "x" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var problem = await (await tenant.Admin.PostAsJsonAsync("api/v1/charter/versions", new { audience = "everyone", texts = new Dictionary<string, string> { ["en"] = "Hello", ["EN GB"] = "Hi", ["de"] = " " } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["audience", "texts.EN GB", "texts.de", "texts.fr"], errors.Order(StringComparer.Ordinal));
        var tooLong = await (await tenant.Admin.PostAsJsonAsync("api/v1/charter/versions", new { audience = "editorial", texts = new { en = new string('a', 100_001), fr = "ok" } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("texts.en", out _));
        await (await tenant.Admin.GetAsync("api/v1/charter/versions/employees/999")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Admin.GetAsync("api/v1/charter/acceptances?audience=employees&status=maybe")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task The_editorial_charter_gates_no_one_and_everyone_reads_it_and_its_history()
    {
        tenant.SkipIfUnavailable();
        var number = await tenant.PublishAsync("editorial", material: true, "Rule 1: be clear.");
        var (_, _, employee) = await tenant.PersonAsync();
        await AcceptCurrentAsync(employee);
        await (await employee.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK);
        var version = await (await employee.GetAsync($"api/v1/charter/versions/editorial/{number}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Rule 1: be clear.", version.GetProperty("texts").GetProperty("en").GetString());
        Assert.Equal("FR Rule 1: be clear.", version.GetProperty("texts").GetProperty("fr").GetString());
        var history = await (await employee.GetAsync("api/v1/charter/versions?audience=editorial")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(number, history.EnumerateArray().First().GetProperty("number").GetInt32());
    }

    /// <summary>Every row of a list, following the next cursor.</summary>
    private async Task<List<JsonElement>> AllAsync(string url)
    {
        var rows = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await (await tenant.Admin.GetAsync(next is null ? url : $"{url}&after={Uri.EscapeDataString(next)}")).ExpectJsonAsync(HttpStatusCode.OK);
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);
        return rows;
    }
}

[Collection(WebCollection.Name)]
public sealed class CharterAcceptanceTestsOnSqlite(CharterSqliteTenant tenant) : CharterAcceptanceTests(tenant), IClassFixture<CharterSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterAcceptanceTestsOnPostgres(CharterPostgresTenant tenant) : CharterAcceptanceTests(tenant), IClassFixture<CharterPostgresTenant>;
