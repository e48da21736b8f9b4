using System.Net;
using AngleSharp.Html.Parser;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.IntegrationTests.Probe;
using static InternalSocial.IntegrationTests.Polls.QuizRequests;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>
/// Quizzes where people are: drawn in their post's card ("Take the quiz", then one's score) for the post's readers only,
/// listed on their group's Polls tab, and a page of cards reads them in a fixed number of queries.
/// </summary>
public abstract class QuizCardsTests(PollsBridgeTenant tenant)
{
    private static readonly HtmlParser Parser = new();

    [SkippableFact]
    public async Task A_quiz_in_a_post_is_drawn_in_its_card_with_take_the_quiz_then_the_reader_s_score()
    {
        tenant.SkipIfUnavailable();
        var body = "Safety week " + Guid.NewGuid().ToString("N")[..6];
        var postId = await tenant.PostAsync("owner", new { body });
        var quizId = await CreateAsync(tenant.Client("owner"), SafetyQuiz("Evacuation quiz", postId: postId));

        var card = await QuizCardAsync("member", body);
        Assert.Contains("Evacuation quiz", card.TextContent, StringComparison.Ordinal);
        var take = card.QuerySelector("a.button")!;
        Assert.Equal("Take the quiz", take.TextContent.Trim());
        Assert.EndsWith($"/quizzes/{quizId}", take.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(card.QuerySelector(".quiz-card-score"));

        await (await SubmitAsync(tenant.Client("member"), quizId, await AnswersAsync(tenant.Client("member"), quizId, firstRight: false))).ExpectJsonAsync(HttpStatusCode.OK);
        card = await QuizCardAsync("member", body);
        Assert.Contains("Your score: 1 out of 2", card.QuerySelector(".quiz-card-score")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Try again", card.QuerySelector("a.button")!.TextContent.Trim());

        // Someone else's card shows no score but their own.
        Assert.Null((await QuizCardAsync("outsider", body)).QuerySelector(".quiz-card-score"));
    }

    [SkippableFact]
    public async Task A_quiz_in_a_post_others_may_not_read_is_not_drawn_for_them()
    {
        tenant.SkipIfUnavailable();
        await tenant.SetDepartmentAsync("member", "Sales");
        await tenant.SetDepartmentAsync("outsider", "Operations");
        var body = "Sales drill " + Guid.NewGuid().ToString("N")[..6];
        var postId = await tenant.PostAsync("owner", new { body, audience = new { departments = new[] { "Sales" } } });
        var quizId = await CreateAsync(tenant.Client("owner"), SafetyQuiz("Sales quiz", postId: postId));

        Assert.Contains("Sales quiz", (await QuizCardAsync("member", body)).TextContent, StringComparison.Ordinal);
        var feed = await tenant.Client("outsider").GetStringAsync("feed");
        Assert.DoesNotContain("Sales quiz", feed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client("outsider").GetAsync($"api/v1/quizzes/{quizId}")).StatusCode);
    }

    [SkippableFact]
    public async Task A_group_s_polls_tab_lists_its_quizzes_for_its_readers()
    {
        tenant.SkipIfUnavailable();
        var group = await tenant.CreateGroupAsync("owner", new { name = "Quiz tab " + Guid.NewGuid().ToString("N")[..6], visibility = "public" });
        var (groupId, slug) = (group.GetProperty("id").GetInt64(), group.GetProperty("slug").GetString()!);
        await tenant.AddMemberAsync("owner", groupId, "member");
        var quizId = await CreateAsync(tenant.Client("owner"), SafetyQuiz("Group quiz", groupId: groupId));

        var page = Parser.ParseDocument(await tenant.Client("member").GetStringAsync($"groups/{slug}/polls"));
        var quizzes = page.QuerySelector(".group-quizzes")!;
        Assert.Contains("Group quiz", quizzes.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/quizzes/{quizId}", quizzes.QuerySelector("a.button")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_page_of_cards_reads_its_quizzes_in_as_many_queries_whatever_their_number()
    {
        tenant.SkipIfUnavailable();
        await PostsWithQuizzesAsync(2);
        await tenant.SetProbeAsync(true);
        try
        {
            await CountAsync();
            var (few, _) = await CountAsync();
            await tenant.SetProbeAsync(false);
            await PostsWithQuizzesAsync(4);
            await tenant.SetProbeAsync(true);
            await CountAsync();
            var (more, commands) = await CountAsync();
            Assert.True(few == more, $"Polls queries: {few} for a few quiz cards, {more} for more.\n{string.Join("\n", commands)}");
        }
        finally
        {
            await tenant.SetProbeAsync(false);
        }
    }

    private async Task PostsWithQuizzesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var postId = await tenant.PostAsync("owner", new { body = $"Counted quiz post {Guid.NewGuid():N}" });
            await CreateAsync(tenant.Client("owner"), SafetyQuiz($"Counted quiz {i}", postId: postId));
        }
    }

    /// <summary>The commands the member's feed page runs on the Polls tables.</summary>
    private async Task<(int Count, IReadOnlyList<string> Commands)> CountAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "feed");
        request.Headers.Add(QueryCounter.Header, id);
        var html = await (await tenant.Client("member").SendAsync(request)).Content.ReadAsStringAsync();
        Assert.NotEmpty(Parser.ParseDocument(html).QuerySelectorAll(".post-quiz"));
        var polls = QueryCounter.Commands(id).Where(c => c.Contains("Polls_", StringComparison.Ordinal)).ToList();
        return (polls.Count, polls);
    }

    private async Task<AngleSharp.Dom.IElement> QuizCardAsync(string userName, string body)
    {
        var article = Parser.ParseDocument(await tenant.Client(userName).GetStringAsync("feed")).QuerySelectorAll("article.feed-post")
            .Single(a => a.TextContent.Contains(body, StringComparison.Ordinal));
        return article.QuerySelector(".post-quiz")!;
    }
}

[Collection(WebCollection.Name)]
public sealed class QuizCardsSqliteTests(PollsBridgeSqliteTenant tenant) : QuizCardsTests(tenant), IClassFixture<PollsBridgeSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class QuizCardsPostgresTests(PollsBridgePostgresTenant tenant) : QuizCardsTests(tenant), IClassFixture<PollsBridgePostgresTenant>;
