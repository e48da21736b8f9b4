using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Shells;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.PollsTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// What anonymity guarantees, checked where it could leak: the API, the CSV, the personal-data export and every row
/// of every Polls_ table; the department and site breakdown's minimum cell; erasure keeping the counts right.
/// </summary>
public abstract class PollAnonymityTests(PollsTenant tenant)
{
    [SkippableFact]
    public async Task After_anonymous_votes_no_answer_export_or_database_row_links_a_voter_to_a_choice()
    {
        tenant.SkipIfUnavailable();
        var id = await CreatePollAsync(tenant.Author, new { question = "How is the canteen?", options = new[] { "Tasty", "Bland" }, anonymous = true, allowOther = true, multiple = true });
        var options = await OptionIdsAsync(tenant.Author, id);
        var voters = await tenant.PeopleAsync("secret", 4, "Finance", "Lyon");
        for (var i = 0; i < voters.Count; i++)
        {
            var vote = await voters[i].Client.PostAsJsonAsync($"api/v1/polls/{id}/votes", new { choices = new[] { options[i % 2] }, other = i == 0 ? "Needs salt" : null });
            Assert.Equal(HttpStatusCode.NoContent, vote.StatusCode);
        }

        var mine = await GetPollAsync(voters[0].Client, id);
        Assert.True(mine.GetProperty("voted").GetBoolean());
        Assert.Empty(mine.GetProperty("myChoices").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("myOther").ValueKind);

        var userNames = voters.Select((_, i) => $"secret{i}").ToList();
        var results = await (await tenant.Author.GetAsync($"api/v1/polls/{id}/results")).Content.ReadAsStringAsync();
        var csv = await (await tenant.Director.GetAsync($"api/v1/polls/{id}/results.csv")).Content.ReadAsStringAsync();
        Assert.Contains("Needs salt", results, StringComparison.Ordinal);
        foreach (var text in new[] { results, csv })
        {
            Assert.All(voters.Select(v => v.Id).Concat(userNames), who => Assert.DoesNotContain(who, text, StringComparison.Ordinal));
        }

        var exported = await PollsExportAsync(voters[0].Client);
        var tookPart = Assert.Single(exported.GetProperty("anonymousPollsTakenPart").EnumerateArray());
        Assert.Equal(id, tookPart.GetProperty("pollId").GetInt64());
        Assert.Empty(exported.GetProperty("votes").EnumerateArray());
        Assert.Empty(exported.GetProperty("otherAnswers").EnumerateArray());
        foreach (var choice in new[] { "Tasty", "Bland", "Needs salt" })
        {
            Assert.DoesNotContain(choice, exported.GetRawText(), StringComparison.Ordinal);
        }

        await AssertNoRowLinksAsync(voters.Select(v => v.Id).ToHashSet());
    }

    [SkippableFact]
    public async Task The_department_and_site_breakdown_shows_only_cells_of_five_answers_or_more()
    {
        tenant.SkipIfUnavailable();
        var id = await CreatePollAsync(tenant.Author, new { question = "Move the offices?", options = new[] { "Yes", "No" }, anonymous = true });
        var (yes, no) = ((await OptionIdsAsync(tenant.Author, id))[0], (await OptionIdsAsync(tenant.Author, id))[1]);
        var sales = await tenant.PeopleAsync("sales", 6, "Sales", "Paris");
        var legal = await tenant.PeopleAsync("legal", 2, "Legal", "Paris");
        for (var i = 0; i < sales.Count; i++)
        {
            await (await VoteAsync(sales[i].Client, id, i < 5 ? yes : no)).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        foreach (var (_, client) in legal)
        {
            await (await VoteAsync(client, id, yes)).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        var byDepartment = (await (await tenant.Author.GetAsync($"api/v1/polls/{id}/results?breakdown=department")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("breakdown");
        var rows = byDepartment.GetProperty("rows").EnumerateArray().ToList();
        var salesRow = rows.Single(r => r.GetProperty("value").GetString() == "Sales");
        Assert.Equal(5, salesRow.GetProperty("votes").GetProperty(yes.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetInt32());
        Assert.False(salesRow.GetProperty("votes").TryGetProperty(no.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
        Assert.DoesNotContain(rows, r => r.GetProperty("value").GetString() == "Legal");
        var other = rows.Single(r => r.GetProperty("isOther").GetBoolean());
        Assert.Equal(2, other.GetProperty("votes").GetProperty(yes.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetInt32());
        Assert.Equal(1, other.GetProperty("votes").GetProperty(no.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetInt32());

        var bySite = (await (await tenant.Author.GetAsync($"api/v1/polls/{id}/results?breakdown=site")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("breakdown");
        var paris = bySite.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("value").GetString() == "Paris");
        Assert.Equal(7, paris.GetProperty("votes").GetProperty(yes.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetInt32());
        var problem = await (await tenant.Author.GetAsync($"api/v1/polls/{id}/results?breakdown=age")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("breakdown", out _));
    }

    [SkippableFact]
    public async Task The_personal_data_export_holds_named_votes_only_and_erasure_removes_them_while_anonymous_counts_stay()
    {
        tenant.SkipIfUnavailable();
        var (userId, person) = (await tenant.PeopleAsync("leaver", 1, "Finance", "Lyon"))[0];
        var named = await CreatePollAsync(tenant.Author, new { question = "Named?", options = new[] { "Red", "Blue" }, allowOther = true });
        var secret = await CreatePollAsync(tenant.Author, new { question = "Secret?", options = new[] { "Left", "Right" }, anonymous = true });
        var own = await CreatePollAsync(person, new { question = "My own poll?", options = new[] { "Up", "Down" } });
        await (await person.PostAsJsonAsync($"api/v1/polls/{named}/votes", new { choices = new[] { (await OptionIdsAsync(person, named))[0] }, other = "Purple" })).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await VoteAsync(person, secret, (await OptionIdsAsync(person, secret))[1])).ExpectJsonAsync(HttpStatusCode.NoContent);

        var exported = await PollsExportAsync(person);
        Assert.Equal(own, Assert.Single(exported.GetProperty("created").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal("Red", Assert.Single(exported.GetProperty("votes").EnumerateArray()).GetProperty("choice").GetString());
        Assert.Equal("Purple", Assert.Single(exported.GetProperty("otherAnswers").EnumerateArray()).GetProperty("other").GetString());
        Assert.Equal(secret, Assert.Single(exported.GetProperty("anonymousPollsTakenPart").EnumerateArray()).GetProperty("pollId").GetInt64());
        Assert.DoesNotContain("Right", exported.GetRawText(), StringComparison.Ordinal);

        await (await tenant.Admin.PostAsync($"api/v1/users/{userId}/deactivate", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Admin.PostAsync($"api/v1/users/{userId}/erase", null)).ExpectJsonAsync(HttpStatusCode.NoContent);

        var namedAfter = await GetPollAsync(tenant.Author, named);
        Assert.Equal(0, namedAfter.GetProperty("participantCount").GetInt32());
        Assert.All(namedAfter.GetProperty("options").EnumerateArray(), o => Assert.Equal(0, o.GetProperty("votes").GetInt32()));
        var secretAfter = await GetPollAsync(tenant.Author, secret);
        Assert.Equal(1, secretAfter.GetProperty("participantCount").GetInt32());
        Assert.Equal(1, secretAfter.GetProperty("options")[1].GetProperty("votes").GetInt32());
        Assert.Equal("", (await GetPollAsync(tenant.Author, own)).GetProperty("authorId").GetString());
        var left = await tenant.InDatabaseAsync(async db => (
            await db.Votes.CountAsync(v => v.UserId == userId) + await db.OtherAnswers.CountAsync(a => a.UserId == userId) + await db.Participations.CountAsync(p => p.UserId == userId),
            await db.Participations.CountAsync(p => p.PollId == secret && p.UserId.StartsWith("erased-"))));
        Assert.Equal((0, 1), left);
    }

    private static async Task<JsonElement> PollsExportAsync(HttpClient client)
    {
        using var zip = new ZipArchive(await (await client.GetAsync("api/v1/users/me/export")).Content.ReadAsStreamAsync());
        return JsonDocument.Parse(zip.GetEntry("polls.json")!.Open()).RootElement.Clone();
    }

    /// <summary>
    /// Every Polls_ table, row by row: a voter's id may appear only in Polls_Participations, whose only columns are the
    /// poll and the person; the tables an anonymous answer writes have no time column.
    /// </summary>
    private async Task AssertNoRowLinksAsync(IReadOnlySet<string> voterIds)
    {
        var tables = await tenant.InDatabaseAsync(async db => await PollTables.ReadAsync(db, tenant.Provider));
        Assert.Contains("Polls_Participations", tables.Keys);
        foreach (var (table, (columns, rows)) in tables)
        {
            var holding = rows.Where(row => row.Values.Any(v => v is string s && voterIds.Contains(s))).ToList();
            if (table == "Polls_Participations")
            {
                Assert.Equal(["PollId", "UserId"], columns.Select(c => c.Name).Order(StringComparer.Ordinal));
            }
            else
            {
                Assert.True(holding.Count == 0, $"{table} holds a voter's id.");
            }

            if (table is "Polls_Participations" or "Polls_Tallies" or "Polls_OtherAnswers")
            {
                Assert.DoesNotContain(columns, c => c.Name.EndsWith("Utc", StringComparison.Ordinal) || c.Name.Contains("Time", StringComparison.Ordinal)
                    || c.Name.Contains("Date", StringComparison.Ordinal) || c.Type.Contains("time", StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}

[Collection(WebCollection.Name)]
public sealed class PollAnonymityTestsOnSqlite(PollsSqliteTenant tenant) : PollAnonymityTests(tenant), IClassFixture<PollsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollAnonymityTestsOnPostgres(PollsPostgresTenant tenant) : PollAnonymityTests(tenant), IClassFixture<PollsPostgresTenant>;
