using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Services;
using InternalSocial.Polls.Surveys.Recipes;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Recipes;

/// <summary>
/// <c>{ "name": "polls", "polls": [ { "key": "seminar-date", "question": "Which date for the seminar?", "options": ["3 March",
/// "10 March"], "multiple": false, "maxChoices": null, "allowOther": false, "anonymous": true, "resultsVisibility": "afterClose",
/// "closesAt": "2027-03-01T12:00:00Z", "description": "" } ] }</c>: standalone polls, upserted by key. Once a poll has a
/// vote, its options and anonymity no longer change; its texts, results visibility and deadline still do.
/// </summary>
internal sealed class PollsRecipeStep(PollValidator validator, PollRecipeWriter writer, QuizzesRecipe quizzes, SurveysRecipe surveys, RecipeValidationContext validation, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public const string FeatureId = "InternalSocial.Polls";
    public const int MaxKey = 100;

    private static readonly string[] PollFields = ["key", "question", "description", "options", "multiple", "maxChoices", "allowOther", "anonymous", "resultsVisibility", "closesAt"];

    public string StepName => "polls";

    public RecipeStepItems? Items => RecipeStepItems.Overlay("polls", "key");

    /// <summary>Creates polls for everyone and changes them whoever wrote them: <see cref="Permissions.ManagePolls"/> and <see cref="Permissions.CreatePolls"/>.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>(step?.Data["surveys"] is null
            ? [Permissions.CreatePolls, Permissions.ManagePolls]
            : [Permissions.CreatePolls, Permissions.ManagePolls, Permissions.CreateSurveys]);

    public async Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "polls", "quizzes", "surveys");
        await surveys.ValidateAsync(reader, step.Data, !validation.IsNew(FeatureId), cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (poll, path) in reader.Objects(step.Data, "", "polls", required: step.Data["quizzes"] is null && step.Data["surveys"] is null))
        {
            reader.RejectUnknownFields(poll, path, PollFields);
            var key = reader.Text(poll, path, "key", required: true);
            if (key is not null && (key.Length > MaxKey || !keys.Add(key)))
            {
                reader.Error($"{path}.key", T["must be at most {0} characters and used once in the step.", MaxKey]);
            }

            var input = Read(reader, poll, path);
            var (valid, problems) = validator.Validate(input);
            foreach (var (field, problem) in problems)
            {
                reader.Error($"{path}.{field}", problem);
            }

            // Before the recipe turns polls on, there are no polls to clash with (and no tables to read).
            if (valid is not null && key is not null && !validation.IsNew(FeatureId) && await writer.ConflictAsync(key, valid, cancellationToken) is { } conflict)
            {
                reader.Error($"{path}.{conflict}", T["cannot change: the poll has votes already."]);
            }
        }

        await quizzes.ValidateAsync(reader, step.Data, !validation.IsNew(FeatureId), cancellationToken);
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, []);
        foreach (var (poll, path) in reader.Objects(step.Data, "", "polls"))
        {
            await writer.UpsertAsync(RecipeStepReader.TextOf(poll, "key")!, validator.ValidateOrThrow(Read(reader, poll, path)), cancellationToken);
        }

        await quizzes.ExecuteAsync(reader, step.Data, cancellationToken);
        await surveys.ExecuteAsync(reader, step.Data, cancellationToken);
    }

    /// <summary>The poll's fields as the API would take them; a mistyped field is reported and read as absent.</summary>
    private PollInput Read(RecipeStepReader reader, JsonObject poll, string path) => new(
        reader.Text(poll, path, "question", required: true),
        reader.Texts(poll, path, "options", required: true),
        reader.Flag(poll, path, "multiple"),
        WholeNumber(reader, poll, path, "maxChoices"),
        reader.Flag(poll, path, "allowOther"),
        reader.Flag(poll, path, "anonymous"),
        reader.Text(poll, path, "resultsVisibility"),
        Instant(reader, poll, path, "closesAt"),
        Description: reader.Text(poll, path, "description"));

    private int? WholeNumber(RecipeStepReader reader, JsonObject poll, string path, string field)
    {
        if (poll[field] is null)
        {
            return null;
        }

        if (poll[field] is JsonValue value && value.TryGetValue<int>(out var number))
        {
            return number;
        }

        reader.Error($"{path}.{field}", T["must be a whole number."]);
        return null;
    }

    private DateTimeOffset? Instant(RecipeStepReader reader, JsonObject poll, string path, string field)
    {
        var text = reader.Text(poll, path, field);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        reader.Error($"{path}.{field}", T["must be a date and time such as 2027-03-01T12:00:00Z."]);
        return null;
    }
}
