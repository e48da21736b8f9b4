using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys.Recipes;

/// <summary>
/// The <c>surveys</c> array of the polls step: surveys upserted by key, each written as <c>POST /api/v1/surveys</c> takes
/// it plus its <c>key</c>. Every survey is checked before anything is written (the step half-applies nothing); a survey
/// with responses may be run again unchanged, but not changed.
/// </summary>
internal sealed class SurveysRecipe(PollsDbContext db, SurveyValidator validator, SurveyWriter writer, SurveysExporter exporter, IStringLocalizer<ModuleResources> T)
{
    public const int MaxKey = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Fields = ["key", "title", "description", "anonymous", "resultsVisibility", "opensAt", "closesAt", "audience", "reminders", "questions"];

    public async Task ValidateAsync(RecipeStepReader reader, JsonObject data, bool tablesExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, path) in reader.Objects(data, "", "surveys"))
        {
            reader.RejectUnknownFields(node, path, Fields);
            var key = reader.Text(node, path, "key", required: true);
            if (key is not null && (key.Length > MaxKey || !keys.Add(key)))
            {
                reader.Error($"{path}.key", T["must be at most {0} characters and used once in the step.", MaxKey]);
            }

            if (Read(reader, node, path) is not { } input)
            {
                continue;
            }

            var (valid, problems) = validator.Validate(input);
            foreach (var (field, problem) in problems)
            {
                reader.Error($"{path}.{field}", problem);
            }

            if (valid is not null && key is not null && tablesExist && await ChangesAnsweredAsync(key, valid, cancellationToken))
            {
                reader.Error($"{path}.questions", T["cannot change: the survey has responses already."]);
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepReader reader, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var (node, path) in reader.Objects(data, "", "surveys"))
        {
            var key = RecipeStepReader.TextOf(node, "key")!;
            var valid = validator.ValidateOrThrow(Read(reader, node, path)!);
            var existing = await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.RecipeKey == key && p.Kind == Models.PollKinds.Survey, cancellationToken);
            if (existing is null)
            {
                await writer.InsertAsync(valid, authorId: "", key, cancellationToken);
            }
            else if (existing.ParticipantCount == 0 && !Same(await exporter.InputAsync(existing.Id, cancellationToken), valid))
            {
                await writer.ReplaceAsync(existing, valid, cancellationToken);
            }
        }
    }

    /// <summary>The survey as the API takes it; a mistyped field is reported and the survey skipped.</summary>
    private SurveyInput? Read(RecipeStepReader reader, JsonObject node, string path)
    {
        try
        {
            return node.Deserialize<SurveyInput>(Json);
        }
        catch (JsonException exception)
        {
            reader.Error($"{path}{exception.Path?.TrimStart('$')}", T["has the wrong type."]);
            return null;
        }
    }

    private async Task<bool> ChangesAnsweredAsync(string key, ValidSurvey valid, CancellationToken cancellationToken)
    {
        var existing = await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.RecipeKey == key && p.Kind == Models.PollKinds.Survey, cancellationToken);
        return existing is { ParticipantCount: > 0 } && !Same(await exporter.InputAsync(existing.Id, cancellationToken), valid);
    }

    /// <summary>The stored survey read back as an input, checked the same way, compared field by field.</summary>
    private bool Same(SurveyInput stored, ValidSurvey valid) =>
        validator.Validate(stored, requireFutureClose: false).Survey is { } current
        && JsonSerializer.Serialize(current, Json) == JsonSerializer.Serialize(valid, Json);
}
