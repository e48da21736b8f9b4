using System.Net;
using System.Text;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Users;

/// <summary>The CSV import at scale: 20,000 rows with 50 bad ones, a dry run, and a second run that changes nothing.</summary>
[Collection(WebCollection.Name)]
public abstract class PeopleImportTests(TestTenant tenant)
{
    private const int Rows = 20_000;

    [SkippableFact]
    public async Task Twenty_thousand_rows_with_fifty_bad_ones_create_the_good_ones_report_each_bad_line_and_a_second_run_changes_nothing()
    {
        tenant.SkipIfUnavailable();
        var (csv, bad) = BuildFile();

        var dryRun = await ImportAsync(csv, dryRun: true);
        Assert.Equal(Rows - bad.Count, dryRun.GetProperty("created").GetInt32());
        var directory = await (await tenant.Admin.GetAsync("api/v1/users?q=person00001")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Empty(directory.GetProperty("users").EnumerateArray());

        var report = await ImportAsync(csv, dryRun: false);
        Assert.Equal(Rows - bad.Count, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("updated").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Field: e.GetProperty("field").GetString()!, Reason: e.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal(bad.Keys.Order(), errors.Select(e => e.Line));
        Assert.All(errors, e =>
        {
            Assert.Equal(bad[e.Line], e.Field);
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
        });

        // A manager who comes later in the file is resolved.
        var person = (await (await tenant.Admin.GetAsync("api/v1/users?q=person00010&department=Dept0")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("users").EnumerateArray().Single();
        var manager = await (await tenant.Admin.GetAsync($"api/v1/users/{person.GetProperty("id").GetString()}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("person00011", manager.GetProperty("manager").GetProperty("userName").GetString());

        var again = await ImportAsync(csv, dryRun: false);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(Rows - bad.Count, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(bad.Count, again.GetProperty("errors").GetArrayLength());
    }

    [SkippableFact]
    public async Task A_file_without_an_email_column_or_with_an_unknown_column_is_refused_whole()
    {
        tenant.SkipIfUnavailable();
        var missing = await (await tenant.Admin.PostAsync("api/v1/users/import", new StringContent("userName,displayName\nx,X\n", Encoding.UTF8, "text/csv"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("file", out _));
        var unknown = await (await tenant.Admin.PostAsync("api/v1/users/import", new StringContent("email,salary\nx@y.test,1\n", Encoding.UTF8, "text/csv"))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("salary", unknown.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.JsonElement> ImportAsync(string csv, bool dryRun) =>
        await (await tenant.Admin.PostAsync($"api/v1/users/import?dryRun={(dryRun ? "true" : "false")}", new StringContent(csv, Encoding.UTF8, "text/csv"))).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>20,000 people in 10 departments; every 400th row is bad in one of five ways. Returns line → the field named.</summary>
    private static (string Csv, Dictionary<int, string> Bad) BuildFile()
    {
        var csv = new StringBuilder("email,userName,displayName,jobTitle,department,site,manager,skills,languages\n");
        var bad = new Dictionary<int, string>();
        for (var i = 0; i < Rows; i++)
        {
            var line = i + 2;
            var email = $"person{i:D5}@corp.test";
            var displayName = $"Person {i:D5}";
            // Every tenth person reports to the next one, who comes later in the file.
            var manager = i % 10 == 0 ? $"person{i + 1:D5}@corp.test" : "";
            var userName = $"person{i:D5}";
            if (i % 400 == 399)
            {
                switch (i / 400 % 5)
                {
                    case 0: email = "not-an-email"; bad[line] = "email"; break;
                    case 1: displayName = new string('x', 201); bad[line] = "displayName"; break;
                    case 2: manager = "nobody@corp.test"; bad[line] = "manager"; break;
                    case 3: email = "person00000@corp.test"; bad[line] = "email"; break;
                    default: userName = "bad name!"; bad[line] = "userName"; break;
                }
            }

            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{email},{userName},\"{displayName}\",Analyst,Dept{i % 10},Site{i % 7},{manager},Skill{i % 50};Skill{i % 13},English;French\n");
        }

        return (csv.ToString(), bad);
    }
}

public sealed class PeopleImportOnSqlite(SqliteTenant tenant) : PeopleImportTests(tenant), IClassFixture<SqliteTenant>;

public sealed class PeopleImportOnPostgres(PostgresTenant tenant) : PeopleImportTests(tenant), IClassFixture<PostgresTenant>;
