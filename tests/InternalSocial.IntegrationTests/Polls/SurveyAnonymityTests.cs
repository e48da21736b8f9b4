using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.SurveysTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// Anonymous surveys where they could leak (API, CSV, export, notifications, every Polls_ row), the breakdown's
/// minimum cell, named surveys' per-respondent CSV with formula cells escaped, and erasure.
/// </summary>
public abstract class SurveyAnonymityTests(SurveysTenant tenant)
{
    [SkippableFact]
    public async Task After_anonymous_responses_no_api_export_notification_or_row_links_a_respondent_to_an_answer()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey(audience: new { departments = new[] { "Secrets" } }));
        var people = await tenant.PeopleAsync("hush", 3, "Secrets", "Rennes");
        var survey = await GetSurveyAsync(people[0].Client, id);
        for (var i = 0; i < people.Count; i++)
        {
            await (await RespondAsync(people[i].Client, id, Answers(survey, choice: 0, rating: 2 + i, tools: [i], matrix: [i, 0], text: $"Whisper {i}"))).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        var mine = await GetSurveyAsync(people[0].Client, id);
        Assert.True(mine.GetProperty("answered").GetBoolean());
        var results = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/results")).Content.ReadAsStringAsync();
        var csv = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/results.csv")).Content.ReadAsStringAsync();
        Assert.Contains("Whisper 1", results, StringComparison.Ordinal);
        Assert.Contains("Whisper 2", csv, StringComparison.Ordinal);
        var names = people.Select(p => p.Id).Concat(people.Select((_, i) => $"hush{i}")).ToList();
        foreach (var text in new[] { results, csv, mine.GetRawText() })
        {
            Assert.All(names, who => Assert.DoesNotContain(who, text, StringComparison.Ordinal));
        }

        var exported = await ExportAsync(people[0].Client);
        Assert.DoesNotContain("Whisper", exported, StringComparison.Ordinal);
        Assert.Contains("tookPart", exported, StringComparison.Ordinal);
        var told = await NotificationsAsync(tenant.Director);
        Assert.All(told, n => Assert.All(names, who => Assert.DoesNotContain(who, n.GetRawText(), StringComparison.Ordinal)));
        await AssertNoRowLinksAsync(people.Select(p => p.Id).ToHashSet());
    }

    [SkippableFact]
    public async Task The_department_breakdown_shows_only_cells_of_five_answers_or_more()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey());
        var survey = await GetSurveyAsync(tenant.Director, id);
        var sales = await tenant.PeopleAsync("ssales", 6, "Sales", "Paris");
        var legal = await tenant.PeopleAsync("slegal", 2, "Legal", "Paris");
        foreach (var (i, client) in sales.Select((p, i) => (i, p.Client)).Concat(legal.Select(p => (0, p.Client))))
        {
            await (await RespondAsync(client, id, Answers(survey, choice: i < 5 ? 0 : 1, rating: i < 5 ? 4 : null))).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        var results = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/results?breakdown=department")).ExpectJsonAsync(HttpStatusCode.OK);
        var first = results.GetProperty("questions")[0];
        var (yes, no) = (first.GetProperty("options")[0].GetProperty("id").GetInt64().ToString(), first.GetProperty("options")[1].GetProperty("id").GetInt64().ToString());
        var rows = first.GetProperty("breakdown").GetProperty("rows").EnumerateArray().ToList();
        var salesRow = rows.Single(r => r.GetProperty("value").GetString() == "Sales");
        Assert.Equal(5, salesRow.GetProperty("votes").GetProperty(yes).GetInt32());
        Assert.False(salesRow.GetProperty("votes").TryGetProperty(no, out _));
        Assert.DoesNotContain(rows, r => r.GetProperty("value").GetString() == "Legal");
        var other = rows.Single(r => r.GetProperty("isOther").GetBoolean());
        Assert.Equal(2, other.GetProperty("votes").GetProperty(yes).GetInt32());
        Assert.Equal(1, other.GetProperty("votes").GetProperty(no).GetInt32());
        await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/results?breakdown=age")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task A_named_survey_exports_one_row_per_respondent_with_formulas_escaped_and_erasure_removes_the_answers()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey(anonymous: false, visibility: "authorOnly"));
        var survey = await GetSurveyAsync(tenant.Director, id);
        var (leaverId, leaver) = (await tenant.PeopleAsync("named", 1, "Ops", "Lille"))[0];
        await (await RespondAsync(leaver, id, Answers(survey, tools: [0, 1], matrix: [2, 1], text: "=HYPERLINK(\"http://x\")"))).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await RespondAsync(tenant.Voter, id, Answers(survey, choice: 1, rating: null, text: "+1, \"quoted\""))).ExpectJsonAsync(HttpStatusCode.NoContent);

        await (await tenant.Voter.GetAsync($"api/v1/surveys/{id}/results.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var csv = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/results.csv")).Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("named 0,named0,Yes,4,9,Mail; Chat,Good,Fair,", StringComparison.Ordinal) && l.EndsWith(",\"'=HYPERLINK(\"\"http://x\"\")\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",\"'+1, \"\"quoted\"\"\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal));

        var exported = await ExportAsync(leaver);
        Assert.Contains("=HYPERLINK", exported, StringComparison.Ordinal);
        Assert.Contains("Would you recommend us?", exported, StringComparison.Ordinal);
        await (await tenant.Admin.PostAsync($"api/v1/users/{leaverId}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsync($"api/v1/users/{leaverId}/erase", null)).ExpectJsonAsync(HttpStatusCode.NoContent);

        var results = await (await tenant.Director.GetAsync($"api/v1/surveys/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, results.GetProperty("responseCount").GetInt32());
        var questions = results.GetProperty("questions");
        Assert.Equal(1, questions[0].GetProperty("answered").GetInt32());
        Assert.Equal(0, questions[0].GetProperty("options")[0].GetProperty("count").GetInt32());
        Assert.Equal(0, questions[3].GetProperty("answered").GetInt32());
        Assert.Equal(0, questions[4].GetProperty("answered").GetInt32());
        Assert.DoesNotContain("HYPERLINK", results.GetRawText(), StringComparison.Ordinal);
        var left = await tenant.InDatabaseAsync(async db =>
            await db.Votes.CountAsync(v => v.UserId == leaverId) + await db.OtherAnswers.CountAsync(a => a.UserId == leaverId) + await db.Participations.CountAsync(p => p.UserId == leaverId));
        Assert.Equal(0, left);
    }

    private static async Task<string> ExportAsync(HttpClient client)
    {
        using var zip = new ZipArchive(await (await client.GetAsync("api/v1/users/me/export")).Content.ReadAsStreamAsync());
        var text = "";
        foreach (var entry in zip.Entries.Where(e => e.Name is "polls.json" or "surveys.json"))
        {
            using var reader = new StreamReader(entry.Open());
            text += await reader.ReadToEndAsync();
        }

        return text;
    }

    /// <summary>Every Polls_ table, row by row: a respondent's id is only in Polls_Participations (poll and person, nothing else).</summary>
    private async Task AssertNoRowLinksAsync(IReadOnlySet<string> respondents)
    {
        var tables = await tenant.InDatabaseAsync(async db => await PollTables.ReadAsync(db, tenant.Provider));
        Assert.Contains("Polls_SurveyQuestions", tables.Keys);
        foreach (var (table, (columns, rows)) in tables)
        {
            if (table == "Polls_Participations")
            {
                Assert.Equal(["PollId", "UserId"], columns.Select(c => c.Name).Order(StringComparer.Ordinal));
            }
            else
            {
                Assert.False(rows.Any(row => row.Values.Any(v => v is string s && respondents.Contains(s))), $"{table} holds a respondent's id.");
            }

            if (table is "Polls_Participations" or "Polls_Tallies" or "Polls_OtherAnswers")
            {
                Assert.DoesNotContain(columns, c => c.Name.EndsWith("Utc", StringComparison.Ordinal) || c.Type.Contains("time", StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}

[Collection(WebCollection.Name)]
public sealed class SurveyAnonymityTestsOnSqlite(SurveysSqliteTenant tenant) : SurveyAnonymityTests(tenant), IClassFixture<SurveysSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyAnonymityTestsOnPostgres(SurveysPostgresTenant tenant) : SurveyAnonymityTests(tenant), IClassFixture<SurveysPostgresTenant>;
