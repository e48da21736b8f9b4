using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys.Recipes;

/// <summary>
/// Exports the surveys a recipe made (those with a key) as a polls step's <c>surveys</c>: questions, conditions,
/// audience, window and reminders, never the responses. Surveys people created are content and stay out.
/// </summary>
internal sealed class SurveysExporter(PollsDbContext db, SurveyAccess access) : IRecipeExporter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public int Order => 301;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var surveys = await db.Polls.AsNoTracking().Where(p => p.RecipeKey != null && p.Kind == PollKinds.Survey).OrderBy(p => p.RecipeKey)
            .Select(p => new { p.Id, p.RecipeKey }).ToListAsync(cancellationToken);
        if (surveys.Count == 0)
        {
            return [];
        }

        var items = new JsonArray();
        foreach (var survey in surveys)
        {
            var node = JsonSerializer.SerializeToNode(await InputAsync(survey.Id, cancellationToken), Json)!.AsObject();
            node.Insert(0, "key", survey.RecipeKey);
            items.Add(node);
        }

        return [new JsonObject { ["name"] = "polls", ["surveys"] = items }];
    }

    /// <summary>A stored survey as the input that would make it (conditions by question and option index).</summary>
    public async Task<SurveyInput> InputAsync(long surveyId, CancellationToken cancellationToken)
    {
        var poll = await db.Polls.AsNoTracking().FirstAsync(p => p.Id == surveyId, cancellationToken);
        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.PollId == surveyId, cancellationToken);
        var audience = await db.SurveyAudiences.AsNoTracking().Where(a => a.PollId == surveyId).OrderBy(a => a.Kind).ThenBy(a => a.Value).ToListAsync(cancellationToken);
        var questions = await access.LoadQuestionsAsync(surveyId, cancellationToken);
        var index = questions.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var inputs = questions.Select(q => new SurveyQuestionInput(
            q.Question.Text, q.Kind, q.Extra.Page, q.Extra.Required,
            q.Kind is SurveyQuestionKinds.Single or SurveyQuestionKinds.Multiple ? [.. q.Options.Select(o => o.Text)]
                : q.Kind == SurveyQuestionKinds.Matrix ? [.. (q.Rows.Count > 0 ? q.Rows[0].Options : []).Select(o => o.Text)] : null,
            q.Question.MaxChoices,
            q.Kind == SurveyQuestionKinds.Matrix ? [.. q.Rows.Select(r => r.Question.Text)] : null,
            q.Extra.ShowWhenQuestionId is { } target ? Condition(index[target], questions[index[target]], q.Extra.ShowWhenOptionIds) : null)).ToList();
        List<string>? Values(string kind) => audience.Any(a => a.Kind == kind) ? [.. audience.Where(a => a.Kind == kind).Select(a => a.Value)] : null;
        var groups = Values(AudienceKinds.Group)?.Select(g => long.Parse(g, CultureInfo.InvariantCulture)).ToList();
        return new SurveyInput(poll.Title, inputs, poll.Description, poll.Anonymous, poll.ResultsVisibility,
            survey.OpensUtc is { } opens ? new DateTimeOffset(opens, TimeSpan.Zero) : null,
            poll.ClosesUtc is { } closes ? new DateTimeOffset(closes, TimeSpan.Zero) : null,
            survey.Everyone ? null : new SurveyAudienceInput(Values(AudienceKinds.Department), Values(AudienceKinds.Site), groups),
            survey.ReminderMode == ReminderModes.None ? null : new SurveyRemindersInput(survey.ReminderMode, survey.ReminderDays));
    }

    /// <summary>One option is written as before (<c>option</c>), several as <c>options</c>.</summary>
    private static SurveyConditionInput Condition(int question, SurveyItem target, IReadOnlyList<long> optionIds) =>
        optionIds.Count == 1
            ? new SurveyConditionInput(question, OptionIndex(target, optionIds[0]))
            : new SurveyConditionInput(question, null, [.. optionIds.Select(id => OptionIndex(target, id) ?? -1)]);

    private static int? OptionIndex(SurveyItem target, long? optionId)
    {
        var index = target.Options.ToList().FindIndex(o => o.Id == optionId);
        return index < 0 ? null : index;
    }
}
