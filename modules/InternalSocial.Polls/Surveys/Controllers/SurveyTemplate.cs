using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>
/// "Start from the engagement template" on <c>/surveys/new</c>: the first survey of the <c>polls</c> step of the
/// <see cref="RecipeName"/> recipe, laid out in the form for the author to change before saving. The recipe stays the
/// one place the template's questions are written.
/// </summary>
internal static class SurveyTemplate
{
    public const string RecipeName = "engagement-survey";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<bool> ExistsAsync(RecipeHarvester? recipes, CancellationToken cancellationToken) =>
        recipes is not null && Survey(await recipes.FindAsync(RecipeName, cancellationToken)) is not null;

    public static async Task<NewSurveyModel?> LoadAsync(RecipeHarvester? recipes, CancellationToken cancellationToken)
    {
        if (recipes is null || Survey(await recipes.FindAsync(RecipeName, cancellationToken)) is not { } input)
        {
            return null;
        }

        var questions = input.Questions ?? [];
        return new NewSurveyModel
        {
            Title = input.Title,
            Description = input.Description,
            Anonymous = input.Anonymous ?? false,
            ResultsVisibility = input.ResultsVisibility ?? "afterClose",
            Departments = string.Join(", ", input.Audience?.Departments ?? []),
            Sites = string.Join(", ", input.Audience?.Sites ?? []),
            ReminderMode = input.Reminders?.Mode ?? ReminderModes.None,
            ReminderDays = input.Reminders?.Days,
            Questions = [.. questions.Select(q => Question(q, questions))],
        };
    }

    private static NewSurveyQuestionModel Question(SurveyQuestionInput question, IReadOnlyList<SurveyQuestionInput> all)
    {
        var model = new NewSurveyQuestionModel
        {
            Page = question.Page ?? 1,
            Text = question.Text,
            Kind = question.Kind ?? SurveyQuestionKinds.Single,
            Required = question.Required ?? false,
            Options = string.Join("\n", question.Options ?? []),
            Rows = string.Join("\n", question.Rows ?? []),
            MaxChoices = question.MaxChoices,
        };
        if (question.ShowWhen is { Question: { } index, Option: { } option } && index >= 0 && index < all.Count)
        {
            // The form names the answer as the reader sees it: the option's text, or the scale's value.
            var source = all[index];
            model.ConditionQuestion = index + 1;
            model.ConditionAnswer = source.Kind switch
            {
                SurveyQuestionKinds.Rating => (option + 1).ToString(CultureInfo.InvariantCulture),
                SurveyQuestionKinds.Nps => option.ToString(CultureInfo.InvariantCulture),
                _ => source.Options is { } options && option >= 0 && option < options.Count ? options[option] : null,
            };
        }

        return model;
    }

    private static SurveyInput? Survey(Recipe? recipe) =>
        recipe?.Steps.FirstOrDefault(step => (string?)step["name"] == "polls")?["surveys"] is JsonArray { Count: > 0 } surveys
            ? surveys[0].Deserialize<SurveyInput>(Json)
            : null;
}
