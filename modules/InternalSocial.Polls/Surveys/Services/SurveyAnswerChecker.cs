using System.Globalization;
using System.Text.Json;
using InternalSocial.Kernel;
using InternalSocial.Polls.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Checks a response against the survey, question by question in order, and names each invalid answer
/// (<c>answers.{questionId}</c>): a question is shown when it has no condition, or when its condition's question is
/// shown and was answered with the condition's option; an answer to a hidden question is refused.
/// </summary>
internal sealed class SurveyAnswerChecker(IStringLocalizer<ModuleResources> T)
{
    public const int MaxText = PollValidator.MaxOther;

    public SurveyAnswers Check(IReadOnlyList<SurveyItem> questions, SurveyResponseInput input)
    {
        var given = (input.Answers ?? new Dictionary<string, JsonElement>())
            .Where(a => a.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var errors = new Dictionary<string, string>();
        foreach (var key in given.Keys.Where(k => questions.All(q => Key(q.Id) != k)))
        {
            errors["answers." + key] = T["This survey has no such question."];
        }

        var chosen = new Dictionary<long, IReadOnlyList<long>>();
        var (choices, texts, answered) = (new List<(long, long)>(), new List<(long, string)>(), new List<long>());
        foreach (var question in questions)
        {
            var field = "answers." + Key(question.Id);
            var condition = question.Extra;
            if (condition.ShowWhenQuestionId is { } uncertain && errors.ContainsKey("answers." + Key(uncertain)))
            {
                // Whether it is shown depends on an answer already refused: that error is the one to fix first.
                continue;
            }

            var shown = condition.ShowWhenQuestionId is not { } target
                || (chosen.TryGetValue(target, out var picked) && condition.ShowWhenOptionIds.Any(picked.Contains));
            var hasAnswer = given.TryGetValue(Key(question.Id), out var value) && !IsBlank(value);
            if (!shown)
            {
                if (hasAnswer)
                {
                    errors[field] = T["This question is not shown with your other answers: leave it unanswered."];
                }

                continue;
            }

            if (!hasAnswer)
            {
                if (question.Extra.Required)
                {
                    errors[field] = T["This question requires an answer."];
                }

                continue;
            }

            var error = Read(question, value, choices, texts, answered, chosen);
            if (error is not null)
            {
                errors[field] = error;
            }
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : new SurveyAnswers(choices, texts, answered);
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static bool IsBlank(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        _ => false,
    };

    /// <summary>Adds one question's answer to the lists; the error text when it does not fit the question.</summary>
    private string? Read(SurveyItem question, JsonElement value, List<(long, long)> choices, List<(long, string)> texts, List<long> answered, Dictionary<long, IReadOnlyList<long>> chosen)
    {
        List<long> picked;
        switch (question.Kind)
        {
            case SurveyQuestionKinds.Single:
                if (!TryOption(question, value, out var single))
                {
                    return T["Choose one of this question's options."];
                }

                picked = [single];
                break;
            case SurveyQuestionKinds.Multiple:
                picked = [];
                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => !TryOption(question, e, out _)))
                {
                    return T["Give a list of this question's options."];
                }

                picked = [.. value.EnumerateArray().Select(e => { TryOption(question, e, out var id); return id; }).Distinct()];
                var max = question.Question.MaxChoices ?? question.Options.Count;
                if (picked.Count > max)
                {
                    return T["Choose at most {0} options.", max];
                }

                break;
            case SurveyQuestionKinds.Rating or SurveyQuestionKinds.Nps:
                var low = question.Kind == SurveyQuestionKinds.Rating ? 1 : 0;
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var score) || score < low || score >= low + question.Options.Count)
                {
                    return T["Give a whole number from {0} to {1}.", low, low + question.Options.Count - 1];
                }

                picked = [question.Options[score - low].Id];
                break;
            case SurveyQuestionKinds.Text:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
                if (text is null || text.Length > MaxText)
                {
                    return T["Give a text of at most {0} characters.", MaxText];
                }

                texts.Add((question.Id, text));
                answered.Add(question.Id);
                return null;
            case SurveyQuestionKinds.Matrix:
                return ReadMatrix(question, value, choices, answered);
            default:
                return T["This survey has no such question."];
        }

        chosen[question.Id] = picked;
        choices.AddRange(picked.Select(o => (question.Id, o)));
        answered.Add(question.Id);
        return null;
    }

    private string? ReadMatrix(SurveyItem question, JsonElement value, List<(long, long)> choices, List<long> answered)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return T["Give, for each row, one of its column options."];
        }

        var cells = new List<(long Row, long Option)>();
        foreach (var cell in value.EnumerateObject())
        {
            var row = question.Rows.FirstOrDefault(r => Key(r.Id) == cell.Name);
            if (row is null || !TryOption(row, cell.Value, out var option))
            {
                return T["Give, for each row, one of its column options."];
            }

            cells.Add((row.Id, option));
        }

        if (question.Extra.Required && cells.Count < question.Rows.Count)
        {
            return T["This question requires an answer on every row."];
        }

        choices.AddRange(cells.Select(c => (c.Row, c.Option)));
        answered.Add(question.Id);
        answered.AddRange(cells.Select(c => c.Row));
        return null;
    }

    private static bool TryOption(SurveyItem question, JsonElement value, out long optionId)
    {
        optionId = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var id) || question.Options.All(o => o.Id != id))
        {
            return false;
        }

        optionId = id;
        return true;
    }
}
