using System.Text.Json.Nodes;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Recipes;

/// <summary>
/// <c>{ "name": "charter", "versions": [ { "audience": "employees", "material": true, "texts": { "en": "…", "fr": "…" } } ] }</c>:
/// publishes the versions in order. An audience whose last version in the step has the texts of its current version
/// is left as it is, so that a second run publishes nothing; otherwise a version equal to the one before it is skipped.
/// An optional <c>settings</c> object (the API's fields) changes the settings it names.
/// </summary>
internal sealed class CharterRecipeStep(CharterPublisher publisher, CharterVersions versions, CharterSettingsService settings, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public const string FeatureId = "InternalSocial.Charter";

    private static readonly string[] VersionFields = ["audience", "material", "texts"];
    private static readonly string[] SettingsFields = ["gateEmployees", "gateGuests", "graceDays", "editorialExpanded"];

    public string StepName => "charter";

    /// <summary>
    /// Versions are history, not keyed definitions: two charter steps in a run become one, the later versions after the
    /// earlier; the later step's settings win field by field.
    /// </summary>
    public RecipeStepItems? Items => new(null, "", (earlier, later) =>
    {
        var merged = new JsonObject
        {
            ["name"] = StepName,
            ["versions"] = new JsonArray([.. Versions(earlier).Concat(Versions(later)).Select(v => v?.DeepClone())]),
        };
        if (MergeSettings(earlier["settings"], later["settings"]) is { } both)
        {
            merged["settings"] = both;
        }

        return merged;
    });

    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.ManageCharter]);

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "versions", "settings");
        if (ReadSettings(reader, step.Data) is { } changed)
        {
            foreach (var (field, problem) in settings.Validate(changed))
            {
                reader.Error($"settings.{field}", problem);
            }
        }

        foreach (var (version, path) in reader.Objects(step.Data, "", "versions", required: step.Data["settings"] is null))
        {
            reader.RejectUnknownFields(version, path, VersionFields);
            if (Read(reader, version, path) is { } input)
            {
                foreach (var (field, problem) in publisher.Validate(input))
                {
                    reader.Error($"{path}.{field}", problem);
                }
            }
        }

        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var reader = new RecipeStepReader(step, []);
        if (ReadSettings(reader, step.Data) is { } changed)
        {
            await settings.ApplyAsync(changed, cancellationToken);
        }

        var inputs = reader.Objects(step.Data, "", "versions").Select(v => Read(reader, v.Node, v.Path)!).ToList();
        foreach (var audience in inputs.GroupBy(i => i.Audience))
        {
            // The recipe's end state is there already: this is a second run.
            if (await versions.LatestAsync(audience.Key, cancellationToken) is { } latest
                && Same(await versions.TextsAsync(latest.Id, cancellationToken), audience.Last().Texts))
            {
                continue;
            }

            foreach (var input in audience)
            {
                await publisher.PublishAsync(input, "", unlessSame: true, cancellationToken);
            }
        }
    }

    private static IEnumerable<JsonNode?> Versions(JsonObject step) => step["versions"] as JsonArray ?? [];

    private static JsonObject? MergeSettings(JsonNode? earlier, JsonNode? later)
    {
        if (earlier is not JsonObject first || later is not JsonObject second)
        {
            return (later ?? earlier)?.DeepClone() as JsonObject;
        }

        var merged = (JsonObject)first.DeepClone();
        foreach (var (field, value) in second)
        {
            merged[field] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>The settings to change; null when the step has none or they are malformed (reported).</summary>
    private CharterSettingsInput? ReadSettings(RecipeStepReader reader, JsonObject step)
    {
        switch (step["settings"])
        {
            case null:
                return null;
            case JsonObject node:
                reader.RejectUnknownFields(node, "settings", SettingsFields);
                int? days = null;
                if (node["graceDays"] is { } grace)
                {
                    if (grace is JsonValue value && value.TryGetValue<int>(out var number))
                    {
                        days = number;
                    }
                    else
                    {
                        reader.Error("settings.graceDays", T["must be a whole number of days."]);
                    }
                }

                return new CharterSettingsInput(reader.Flag(node, "settings", "gateEmployees"), reader.Flag(node, "settings", "gateGuests"), days, reader.Flag(node, "settings", "editorialExpanded"));
            default:
                reader.Error("settings", T["must be an object."]);
                return null;
        }
    }

    private static bool Same(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> texts) =>
        stored.Count == texts.Count && texts.All(t => stored.TryGetValue(t.Key, out var text) && text == t.Value.Trim());

    /// <summary>The version as the API would take it; null when a field is missing or mistyped (reported).</summary>
    private CharterPublishInput? Read(RecipeStepReader reader, JsonObject version, string path)
    {
        var audience = reader.Text(version, path, "audience", required: true);
        var material = reader.Flag(version, path, "material");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (version["texts"])
        {
            case null:
                reader.Error($"{path}.texts", T["is required, with a Markdown text per language (en and fr at least)."]);
                return null;
            case JsonObject byLanguage:
                foreach (var (language, text) in byLanguage)
                {
                    if (text is JsonValue value && value.TryGetValue<string>(out var markdown))
                    {
                        texts[language] = markdown;
                    }
                    else
                    {
                        reader.Error($"{path}.texts.{language}", T["must be a string of Markdown."]);
                    }
                }

                break;
            default:
                reader.Error($"{path}.texts", T["must be an object with a Markdown text per language."]);
                return null;
        }

        return audience is null ? null : new CharterPublishInput(audience, texts, material ?? true);
    }
}
