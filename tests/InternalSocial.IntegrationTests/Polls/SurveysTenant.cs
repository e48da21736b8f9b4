using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The polls tenant with the surveys' notifications on; the director creates the surveys (Polls.CreateSurveys).</summary>
public abstract class SurveysTenant(DatabaseProvider provider) : PollsTenant(provider)
{
    public BackgroundTaskRunner Runner => Host.Services.GetRequiredService<BackgroundTaskRunner>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (IsAvailable)
        {
            await (await Admin.PostAsync("api/v1/features/InternalSocial.Polls.Notifications/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>A survey of each kind of question: 0 single (required), 1 rating shown when 0 is its first option, 2 NPS (required), 3 multiple (2 at most), 4 matrix, 5 free text.</summary>
    public static object Survey(bool anonymous = true, object? audience = null, string visibility = "always", object? reminders = null, DateTimeOffset? opensAt = null) => new
    {
        title = "Working here",
        anonymous,
        resultsVisibility = visibility,
        audience,
        reminders,
        opensAt,
        questions = new object[]
        {
            new { text = "Do you work remotely?", kind = "single", page = 1, required = true, options = new[] { "Yes", "No" } },
            new { text = "How well does it work?", kind = "rating", page = 1, showWhen = new { question = 0, option = 0 } },
            new { text = "Would you recommend us?", kind = "nps", page = 2, required = true },
            new { text = "Your tools", kind = "multiple", page = 2, options = new[] { "Mail", "Chat", "Wiki" }, maxChoices = 2 },
            new { text = "Rate", kind = "matrix", page = 3, options = new[] { "Bad", "Fair", "Good" }, rows = new[] { "Pay", "Team" } },
            new { text = "Anything else?", kind = "text", page = 3 },
        },
    };

    public static async Task<long> CreateSurveyAsync(HttpClient client, object survey) =>
        (await (await client.PostAsJsonAsync("api/v1/surveys", survey)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<JsonElement> GetSurveyAsync(HttpClient client, long id) =>
        await (await client.GetAsync($"api/v1/surveys/{id}")).ExpectJsonAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> RespondAsync(HttpClient client, long id, Dictionary<string, object?> answers) =>
        client.PostAsJsonAsync($"api/v1/surveys/{id}/responses", new { answers });

    /// <summary>Answers of <see cref="Survey"/>: remote yes, rating, NPS, tools, matrix (row 0, row 1 columns), text.</summary>
    public static Dictionary<string, object?> Answers(JsonElement survey, int choice = 0, int? rating = 4, int nps = 9, int[]? tools = null, int[]? matrix = null, string? text = null)
    {
        var q = survey.GetProperty("questions");
        string Id(int i) => q[i].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        long Option(int i, int o) => q[i].GetProperty("options")[o].GetProperty("id").GetInt64();
        var answers = new Dictionary<string, object?> { [Id(0)] = Option(0, choice), [Id(2)] = nps };
        if (rating is { } r)
        {
            answers[Id(1)] = r;
        }

        if (tools is not null)
        {
            answers[Id(3)] = tools.Select(t => Option(3, t)).ToArray();
        }

        if (matrix is not null)
        {
            var rows = q[4].GetProperty("rows");
            answers[Id(4)] = matrix.Select((column, row) => (Row: rows[row], column)).ToDictionary(
                x => x.Row.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
                x => x.Row.GetProperty("columns")[x.column].GetProperty("id").GetInt64());
        }

        if (text is not null)
        {
            answers[Id(5)] = text;
        }

        return answers;
    }

    public static string QuestionId(JsonElement survey, int index) => survey.GetProperty("questions")[index].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

    public static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("api/v1/notifications")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}

public sealed class SurveysSqliteTenant() : SurveysTenant(DatabaseProvider.Sqlite);

public sealed class SurveysPostgresTenant() : SurveysTenant(DatabaseProvider.Postgres);
