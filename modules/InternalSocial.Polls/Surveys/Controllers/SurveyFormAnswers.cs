using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>
/// The answers of a survey's form as posted: <c>q{id}</c> holds option ids (choices, ratings, NPS) or a text, and
/// <c>q{id}.r{rowId}</c> a matrix row's column. The answers of the pages not shown travel in hidden fields, so that next
/// and back keep them and nothing about a half-answered survey is stored on the server.
/// </summary>
internal sealed class SurveyFormAnswers
{
    private readonly Dictionary<string, string[]> _values;

    private SurveyFormAnswers(Dictionary<string, string[]> values) => _values = values;

    public static SurveyFormAnswers Empty { get; } = new([]);

    public static SurveyFormAnswers FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form
            .Where(field => field.Key.StartsWith('q'))
            .Select(field => (field.Key, Values: field.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray()))
            .Where(field => field.Values.Length > 0)
            .ToDictionary(field => field.Key, field => field.Values, StringComparer.Ordinal));
    }

    public static string Name(SurveyQuestionView question) => $"q{question.Id}";

    public static string Name(SurveyQuestionView matrix, SurveyRowView row) => $"q{matrix.Id}.r{row.Id}";

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public string? Value(string name) => Values(name) is [var first, ..] ? first : null;

    public bool Has(string name, long optionId) => Values(name).Contains(optionId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The fields of the questions not on <paramref name="page"/>, to carry as hidden fields.</summary>
    public IEnumerable<(string Name, string Value)> Elsewhere(SurveyView survey, int page)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var here = survey.Questions.Where(q => q.Page == page).Select(Name).ToHashSet();
        return _values
            .Where(field => !here.Contains(field.Key.Split('.')[0]))
            .SelectMany(field => field.Value.Select(value => (field.Key, value)));
    }

    /// <summary>
    /// Whether the question is asked given the answers so far. A condition on a question of the same page is left to the
    /// page's script (<paramref name="page"/>): the reader is answering it now.
    /// </summary>
    public bool IsAsked(SurveyView survey, SurveyQuestionView question, int? page = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(question);
        if (question.ShowWhen is not { } when || survey.Questions.FirstOrDefault(q => q.Id == when.QuestionId) is not { } source)
        {
            return true;
        }

        return (page is not null && source.Page == page && question.Page == page)
            || (when.OptionIds.Any(option => Has(Name(source), option)) && IsAsked(survey, source, page));
    }

    /// <summary>Without the answers of the questions left out by an earlier answer (the reader went back and changed it).</summary>
    public SurveyFormAnswers WithoutSkipped(SurveyView survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var skipped = survey.Questions.Where(q => !IsAsked(survey, q, q.Page)).Select(Name).ToHashSet();
        return Without(skipped);
    }

    /// <summary>Without the answers of these questions (refused ones, so that the page can be sent again).</summary>
    public SurveyFormAnswers Without(IReadOnlySet<string> questionNames) =>
        new(_values.Where(field => !questionNames.Contains(field.Key.Split('.')[0])).ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal));

    /// <summary>The answers as the service takes them: what the form holds, hidden questions included, for the service to judge.</summary>
    public Dictionary<string, JsonElement> ToInput(SurveyView survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var question in survey.Questions)
        {
            if (ToInput(question) is { } answer)
            {
                answers[question.Id.ToString(CultureInfo.InvariantCulture)] = answer;
            }
        }

        return answers;
    }

    private JsonElement? ToInput(SurveyQuestionView question)
    {
        var values = Values(Name(question));
        switch (question.Kind)
        {
            case SurveyQuestionKinds.Matrix:
                var rows = question.Rows
                    .Where(row => Value(Name(question, row)) is not null)
                    .ToDictionary(row => row.Id.ToString(CultureInfo.InvariantCulture), row => Number(Value(Name(question, row))!));
                return rows.Count == 0 ? null : JsonSerializer.SerializeToElement(rows);
            case SurveyQuestionKinds.Multiple:
                return values.Count == 0 ? null : JsonSerializer.SerializeToElement(values.Select(Number).ToList());
            case SurveyQuestionKinds.Text:
                return values.Count == 0 ? null : JsonSerializer.SerializeToElement(values[0]);
            case SurveyQuestionKinds.Rating or SurveyQuestionKinds.Nps:
                // The page sends the option; the service takes the scale's value, which is the option's text.
                var option = question.Options.FirstOrDefault(o => values.Count > 0 && o.Id.ToString(CultureInfo.InvariantCulture) == values[0]);
                return values.Count == 0 ? null : option is null ? Number(values[0]) : Number(option.Text);
            default:
                return values.Count == 0 ? null : Number(values[0]);
        }
    }

    // A value that is not a number goes as it came, for the service to refuse and name.
    private static JsonElement Number(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? JsonSerializer.SerializeToElement(number)
            : JsonSerializer.SerializeToElement(value);
}
