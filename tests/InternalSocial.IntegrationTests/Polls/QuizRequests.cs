using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The quizzes' API calls the quiz tests share.</summary>
internal static class QuizRequests
{
    /// <summary>A two-question quiz body: "Which exit?" (single, B right) and "Which gear?" (multiple, Helmet and Gloves right).</summary>
    public static object SafetyQuiz(string title, int passMark = 100, int? maxAttempts = null, bool leaderboard = false, long? postId = null, long? groupId = null, bool passingAcknowledges = false) => new
    {
        title,
        passMark,
        maxAttempts,
        leaderboard,
        postId,
        groupId,
        passingAcknowledges,
        questions = new object[]
        {
            new { text = "Which exit?", explanation = "Exit B is the nearest.", options = new object[] { new { text = "Exit A" }, new { text = "Exit B", correct = true } } },
            new { text = "Which gear?", multiple = true, explanation = "Both protect you.", options = new object[] { new { text = "Helmet", correct = true }, new { text = "Gloves", correct = true }, new { text = "Sandals" } } },
        },
    };

    public static async Task<long> CreateAsync(HttpClient client, object quiz) =>
        (await (await client.PostAsJsonAsync("api/v1/quizzes", quiz)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<JsonElement> GetAsync(HttpClient client, long id) =>
        await (await client.GetAsync($"api/v1/quizzes/{id}")).ExpectJsonAsync(HttpStatusCode.OK);

    /// <summary>Question ids, and per question its option ids, in order.</summary>
    public static async Task<(long[] Questions, long[][] Options)> IdsAsync(HttpClient client, long id)
    {
        var questions = (await GetAsync(client, id)).GetProperty("questions").EnumerateArray().ToList();
        return ([.. questions.Select(q => q.GetProperty("id").GetInt64())],
            [.. questions.Select(q => q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray())]);
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, long id, Dictionary<long, long[]> answers, bool? showOnLeaderboard = null) =>
        client.PostAsJsonAsync($"api/v1/quizzes/{id}/attempts", new { answers, showOnLeaderboard });

    /// <summary>The safety quiz answered all right (or with the first question wrong).</summary>
    public static async Task<Dictionary<long, long[]>> AnswersAsync(HttpClient client, long id, bool firstRight = true, bool secondRight = true)
    {
        var (questions, options) = await IdsAsync(client, id);
        return new()
        {
            [questions[0]] = [options[0][firstRight ? 1 : 0]],
            [questions[1]] = secondRight ? [options[1][0], options[1][1]] : [options[1][0]],
        };
    }
}
