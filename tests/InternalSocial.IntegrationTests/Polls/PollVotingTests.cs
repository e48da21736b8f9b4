using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InternalSocial.IntegrationTests.Polls.PollsTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// Voting through the API: one vote per person however many requests arrive at once, counts kept in tallies, results
/// hidden until the poll's rule allows, closing, reopening, changing and taking back a vote, and the 400/409 answers.
/// </summary>
public abstract class PollVotingTests(PollsTenant tenant)
{
    [SkippableFact]
    public async Task A_hundred_people_voting_at_once_make_exactly_a_hundred_votes()
    {
        tenant.SkipIfUnavailable();
        foreach (var anonymous in new[] { false, true })
        {
            var id = await CreatePollAsync(tenant.Author, new { question = $"Crowd {anonymous}?", options = new[] { "Yes", "No" }, anonymous });
            var options = await OptionIdsAsync(tenant.Author, id);
            var crowd = await tenant.PeopleAsync($"crowd{anonymous}", 100);

            var responses = await Task.WhenAll(crowd.Select((p, i) => VoteAsync(p.Client, id, options[i % 2])));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
            var results = await (await tenant.Author.GetAsync($"api/v1/polls/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Equal(100, results.GetProperty("participantCount").GetInt32());
            Assert.Equal([50, 50], results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt32()));
            var (participations, votes) = await tenant.InDatabaseAsync(async db =>
                (await db.Participations.CountAsync(p => p.PollId == id), await db.Votes.CountAsync(v => v.PollId == id)));
            Assert.Equal(100, participations);
            Assert.Equal(anonymous ? 0 : 100, votes);
        }
    }

    [SkippableFact]
    public async Task One_person_sending_twenty_votes_at_once_votes_once_named_polls_answer_204_to_all_anonymous_ones_409_to_all_but_one()
    {
        tenant.SkipIfUnavailable();
        foreach (var anonymous in new[] { false, true })
        {
            var id = await CreatePollAsync(tenant.Author, new { question = $"Twice {anonymous}?", options = new[] { "Yes", "No" }, anonymous });
            var yes = (await OptionIdsAsync(tenant.Author, id))[0];
            var (_, person) = (await tenant.PeopleAsync($"eager{anonymous}", 1))[0];

            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => VoteAsync(person, id, yes)));

            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.Equal(anonymous ? 1 : 20, statuses.Count(s => s == HttpStatusCode.NoContent));
            Assert.Equal(anonymous ? 19 : 0, statuses.Count(s => s == HttpStatusCode.Conflict));
            var poll = await GetPollAsync(tenant.Author, id);
            Assert.Equal(1, poll.GetProperty("participantCount").GetInt32());
            Assert.Equal(1, poll.GetProperty("options")[0].GetProperty("votes").GetInt32());
        }
    }

    [SkippableFact]
    public async Task Results_stay_hidden_from_readers_until_the_poll_allows_on_the_poll_the_results_and_the_csv()
    {
        tenant.SkipIfUnavailable();
        var afterVote = await CreatePollAsync(tenant.Author, new { question = "After vote?", options = new[] { "A", "B" }, resultsVisibility = "afterVote" });
        var afterClose = await CreatePollAsync(tenant.Author, new { question = "After close?", options = new[] { "A", "B" }, resultsVisibility = "afterClose" });
        var authorOnly = await CreatePollAsync(tenant.Author, new { question = "Author only?", options = new[] { "A", "B" }, resultsVisibility = "authorOnly" });
        foreach (var id in new[] { afterVote, afterClose, authorOnly })
        {
            await AssertHiddenAsync(tenant.Other, id);
            Assert.Equal(HttpStatusCode.NoContent, (await VoteAsync(tenant.Voter, id, (await OptionIdsAsync(tenant.Voter, id))[0])).StatusCode);
            // The author and directors (Polls.ViewAllResults) see every poll's results.
            await AssertShownAsync(tenant.Author, id, 1);
            await AssertShownAsync(tenant.Director, id, 1);
        }

        await AssertShownAsync(tenant.Voter, afterVote, 1);
        await AssertHiddenAsync(tenant.Other, afterVote);
        await AssertHiddenAsync(tenant.Voter, afterClose);
        await AssertHiddenAsync(tenant.Voter, authorOnly);

        foreach (var id in new[] { afterClose, authorOnly })
        {
            await (await tenant.Author.PostAsync($"api/v1/polls/{id}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        }

        await AssertShownAsync(tenant.Other, afterClose, 1);
        await AssertHiddenAsync(tenant.Voter, authorOnly);
    }

    [SkippableFact]
    public async Task A_closed_poll_refuses_votes_with_409_until_reopened_and_a_deadline_closes_it_too()
    {
        tenant.SkipIfUnavailable();
        var id = await CreatePollAsync(tenant.Author, new { question = "Closing?", options = new[] { "A", "B" } });
        var a = (await OptionIdsAsync(tenant.Voter, id))[0];
        await (await tenant.Other.PostAsync($"api/v1/polls/{id}/close", null)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Author.PostAsync($"api/v1/polls/{id}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Author.PostAsync($"api/v1/polls/{id}/close", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await VoteAsync(tenant.Voter, id, a)).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.False((await GetPollAsync(tenant.Voter, id)).GetProperty("canVote").GetBoolean());

        // A moderator (Polls.Manage) reopens anyone's poll, with a deadline; past it, the poll is closed again.
        var deadline = tenant.Host.Clock.GetUtcNow().AddHours(1);
        await (await tenant.Moderator.PostAsJsonAsync($"api/v1/polls/{id}/reopen", new { closesAt = deadline })).ExpectJsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NoContent, (await VoteAsync(tenant.Voter, id, a)).StatusCode);
        tenant.Host.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            Assert.True((await GetPollAsync(tenant.Voter, id)).GetProperty("closed").GetBoolean());
            await (await VoteAsync(tenant.Other, id, a)).ExpectProblemAsync(HttpStatusCode.Conflict);
            await (await tenant.Voter.DeleteAsync($"api/v1/polls/{id}/votes")).ExpectProblemAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }

        await (await tenant.Other.DeleteAsync($"api/v1/polls/{id}")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Moderator.DeleteAsync($"api/v1/polls/{id}")).ExpectJsonAsync(HttpStatusCode.NoContent);
        await (await tenant.Voter.GetAsync($"api/v1/polls/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await tenant.InDatabaseAsync(db => db.Tallies.CountAsync(t => t.OptionId == a)));
    }

    [SkippableFact]
    public async Task Named_votes_change_and_are_taken_back_with_the_counts_while_anonymous_votes_are_final()
    {
        tenant.SkipIfUnavailable();
        var id = await CreatePollAsync(tenant.Author, new { question = "Lunch?", options = new[] { "Pizza", "Salad", "Soup" }, multiple = true, maxChoices = 2 });
        var options = await OptionIdsAsync(tenant.Voter, id);
        Assert.Equal(HttpStatusCode.NoContent, (await VoteAsync(tenant.Voter, id, options[0], options[1])).StatusCode);
        var mine = await GetPollAsync(tenant.Voter, id);
        Assert.Equal([options[0], options[1]], mine.GetProperty("myChoices").EnumerateArray().Select(c => c.GetInt64()).Order());
        Assert.True(mine.GetProperty("canChangeVote").GetBoolean());
        Assert.False(mine.GetProperty("votesAreFinal").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await VoteAsync(tenant.Voter, id, options[2])).StatusCode);
        Assert.Equal([0, 0, 1], (await GetPollAsync(tenant.Author, id)).GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt32()));
        await (await tenant.Voter.DeleteAsync($"api/v1/polls/{id}/votes")).ExpectJsonAsync(HttpStatusCode.NoContent);
        var after = await GetPollAsync(tenant.Author, id);
        Assert.Equal(0, after.GetProperty("participantCount").GetInt32());
        Assert.Equal([0, 0, 0], after.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt32()));

        var secret = await CreatePollAsync(tenant.Author, new { question = "Secret?", options = new[] { "Yes", "No" }, anonymous = true });
        var yesNo = await OptionIdsAsync(tenant.Voter, secret);
        Assert.True((await GetPollAsync(tenant.Voter, secret)).GetProperty("votesAreFinal").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await VoteAsync(tenant.Voter, secret, yesNo[0])).StatusCode);
        await (await VoteAsync(tenant.Voter, secret, yesNo[1])).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Voter.DeleteAsync($"api/v1/polls/{secret}/votes")).ExpectProblemAsync(HttpStatusCode.Conflict);
        var view = await GetPollAsync(tenant.Voter, secret);
        Assert.True(view.GetProperty("voted").GetBoolean());
        Assert.Empty(view.GetProperty("myChoices").EnumerateArray());
        Assert.False(view.GetProperty("canVote").GetBoolean());
    }

    [SkippableFact]
    public async Task Bad_votes_and_bad_polls_are_refused_naming_the_field_over_the_maximum_is_409_another_polls_option_400()
    {
        tenant.SkipIfUnavailable();
        var id = await CreatePollAsync(tenant.Author, new { question = "Two at most?", options = new[] { "A", "B", "C" }, multiple = true, maxChoices = 2 });
        var single = await CreatePollAsync(tenant.Author, new { question = "One?", options = new[] { "X", "Y" } });
        var options = await OptionIdsAsync(tenant.Voter, id);
        var foreign = (await OptionIdsAsync(tenant.Voter, single))[0];

        await (await VoteAsync(tenant.Voter, id, options)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await VoteAsync(tenant.Voter, single, (await OptionIdsAsync(tenant.Voter, single)))).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await (await VoteAsync(tenant.Voter, id, foreign)).ExpectProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("choices", out _));
        Assert.True((await (await VoteAsync(tenant.Voter, id)).ExpectProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("choices", out _));
        var other = await (await tenant.Voter.PostAsJsonAsync($"api/v1/polls/{id}/votes", new { choices = new[] { options[0] }, other = "Mine" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(other.GetProperty("errors").TryGetProperty("other", out _));
        await (await tenant.Voter.PostAsJsonAsync($"api/v1/polls/{id}/votes", new { choices = new[] { options[0] }, colour = "red" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await GetPollAsync(tenant.Author, id)).GetProperty("participantCount").GetInt32());

        var bad = await (await tenant.Author.PostAsJsonAsync("api/v1/polls", new
        {
            question = "",
            options = new[] { "Only one" },
            maxChoices = 3,
            resultsVisibility = "sometimes",
            closesAt = DateTimeOffset.UtcNow.AddDays(-1),
            postId = 1,
            groupId = 2,
        })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "question", "options", "maxChoices", "resultsVisibility", "closesAt", "groupId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }

        await (await tenant.Guest.PostAsJsonAsync("api/v1/polls", new { question = "Guest?", options = new[] { "A", "B" } })).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Voter.GetAsync("api/v1/polls/999999")).ExpectProblemAsync(HttpStatusCode.NotFound);
        // Standalone polls are the organisation's: a guest reaches only the polls of their groups.
        await (await tenant.Guest.GetAsync($"api/v1/polls/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await tenant.Guest.GetAsync("api/v1/polls")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("polls").EnumerateArray());
    }

    [SkippableFact]
    public async Task The_list_pages_newest_first()
    {
        tenant.SkipIfUnavailable();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreatePollAsync(tenant.Author, new { question = $"Page {i}?", options = new[] { "A", "B" } }));
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await tenant.Voter.GetAsync("api/v1/polls" + (cursor is null ? "" : $"?cursor={cursor}"))).ExpectJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("polls").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(ids.OrderDescending(), seen.Where(ids.Contains));
        await (await tenant.Voter.GetAsync("api/v1/polls?cursor=abc")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task The_csv_escapes_formula_cells_and_names_voters_of_a_named_poll_to_its_author_only()
    {
        tenant.SkipIfUnavailable();
        var id = await CreatePollAsync(tenant.Author, new { question = "Spreadsheet?", options = new[] { "=SUM(1+1)", "@cmd" } });
        await (await VoteAsync(tenant.Voter, id, (await OptionIdsAsync(tenant.Voter, id))[0])).ExpectJsonAsync(HttpStatusCode.NoContent);

        var byAuthor = await (await tenant.Author.GetAsync($"api/v1/polls/{id}/results.csv")).Content.ReadAsStringAsync();
        Assert.Contains("'=SUM(1+1),1\r\n", byAuthor, StringComparison.Ordinal);
        Assert.Contains("'@cmd,0\r\n", byAuthor, StringComparison.Ordinal);
        Assert.Contains("voter,voter,'=SUM(1+1)\r\n", byAuthor, StringComparison.Ordinal);
        var byReader = await (await tenant.Other.GetAsync($"api/v1/polls/{id}/results.csv")).Content.ReadAsStringAsync();
        Assert.Contains("'=SUM(1+1),1\r\n", byReader, StringComparison.Ordinal);
        Assert.DoesNotContain("voter", byReader, StringComparison.Ordinal);
    }

    private static async Task AssertHiddenAsync(HttpClient client, long id)
    {
        var poll = await GetPollAsync(client, id);
        Assert.False(poll.GetProperty("canSeeResults").GetBoolean());
        Assert.False(poll.TryGetProperty("participantCount", out _));
        Assert.All(poll.GetProperty("options").EnumerateArray(), o => Assert.False(o.TryGetProperty("votes", out _)));
        await (await client.GetAsync($"api/v1/polls/{id}/results")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"api/v1/polls/{id}/results.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task AssertShownAsync(HttpClient client, long id, int participants)
    {
        var poll = await GetPollAsync(client, id);
        Assert.True(poll.GetProperty("canSeeResults").GetBoolean());
        Assert.Equal(participants, poll.GetProperty("participantCount").GetInt32());
        Assert.Equal(participants, (await (await client.GetAsync($"api/v1/polls/{id}/results")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("participantCount").GetInt32());
        var csv = await client.GetAsync($"api/v1/polls/{id}/results.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(WebCollection.Name)]
public sealed class PollVotingTestsOnSqlite(PollsSqliteTenant tenant) : PollVotingTests(tenant), IClassFixture<PollsSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class PollVotingTestsOnPostgres(PollsPostgresTenant tenant) : PollVotingTests(tenant), IClassFixture<PollsPostgresTenant>;
