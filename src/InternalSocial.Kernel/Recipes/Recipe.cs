using System.Text.Json;
using System.Text.Json.Nodes;

namespace InternalSocial.Kernel.Recipes;

/// <summary>A parsed <c>*.recipe.json</c> file.</summary>
public sealed record Recipe
{
    public required string Name { get; init; }

    public string DisplayName { get; init; } = "";

    public string Description { get; init; } = "";

    public string Author { get; init; } = "";

    public string Version { get; init; } = "";

    public bool IsSetupRecipe { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Variable name → default value; <c>{{name}}</c> in any string of a step is replaced by the value.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<JsonObject> Steps { get; init; } = [];

    /// <summary>The file it was read from, for error messages.</summary>
    public string FileName { get; init; } = "";

    public static Recipe Parse(string json, string fileName)
    {
        var root = ParseRoot(json, fileName);
        var errors = new List<RecipeError>();
        var variables = ReadVariables(root, fileName, errors);
        var isSetup = false;
        if (root["isSetupRecipe"] is JsonValue setupValue && !setupValue.TryGetValue(out isSetup))
        {
            errors.Add(new RecipeError(fileName, null, null, "isSetupRecipe", KernelTexts.Shared["must be true or false."]));
        }

        var steps = ReadSteps(root, fileName, errors);
        var recipe = new Recipe
        {
            Name = ReadText(root, "name", fileName, errors, required: true),
            DisplayName = ReadText(root, "displayName", fileName, errors),
            Description = ReadText(root, "description", fileName, errors),
            Author = ReadText(root, "author", fileName, errors),
            Version = ReadText(root, "version", fileName, errors),
            IsSetupRecipe = isSetup,
            Categories = ReadTextList(root, "categories", fileName, errors),
            Tags = ReadTextList(root, "tags", fileName, errors),
            Variables = variables,
            Steps = steps,
            FileName = fileName,
        };

        return errors.Count > 0 ? throw new RecipeException(errors) : recipe;
    }

    private static JsonObject ParseRoot(string json, string fileName)
    {
        var T = KernelTexts.Shared;
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new RecipeException([new RecipeError(fileName, null, null, "", T["The recipe must be a JSON object."])]);
        }
        catch (JsonException exception)
        {
            throw new RecipeException([new RecipeError(fileName, null, null, "", T["Invalid JSON: {0}", exception.Message])]);
        }
    }

    private static string ReadText(JsonObject root, string field, string fileName, List<RecipeError> errors, bool required = false)
    {
        var node = root[field];
        if (node is null)
        {
            if (required)
            {
                errors.Add(new RecipeError(fileName, null, null, field, KernelTexts.Shared["is required."]));
            }

            return "";
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        errors.Add(new RecipeError(fileName, null, null, field, KernelTexts.Shared["must be a string."]));
        return "";
    }

    private static IReadOnlyList<string> ReadTextList(JsonObject root, string field, string fileName, List<RecipeError> errors)
    {
        if (root[field] is null)
        {
            return [];
        }

        if (root[field] is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue<string>(out _)))
        {
            return array.Select(n => n!.GetValue<string>()).ToList();
        }

        errors.Add(new RecipeError(fileName, null, null, field, KernelTexts.Shared["must be an array of strings."]));
        return [];
    }

    private static Dictionary<string, string> ReadVariables(JsonObject root, string fileName, List<RecipeError> errors)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["variables"] is JsonObject variableNodes)
        {
            foreach (var (key, node) in variableNodes)
            {
                variables[key] = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
            }
        }
        else if (root["variables"] is not null)
        {
            errors.Add(new RecipeError(fileName, null, null, "variables", KernelTexts.Shared["must be an object of name → default value."]));
        }

        return variables;
    }

    private static List<JsonObject> ReadSteps(JsonObject root, string fileName, List<RecipeError> errors)
    {
        var steps = new List<JsonObject>();
        if (root["steps"] is not JsonArray stepNodes)
        {
            errors.Add(new RecipeError(fileName, null, null, "steps", KernelTexts.Shared["is required and must be an array."]));
            return steps;
        }

        for (var i = 0; i < stepNodes.Count; i++)
        {
            if (stepNodes[i] is JsonObject step && step["name"] is JsonValue name && name.TryGetValue<string>(out _))
            {
                steps.Add(step);
            }
            else
            {
                errors.Add(new RecipeError(fileName, i, null, "name", KernelTexts.Shared["Each step must be an object with a string 'name'."]));
            }
        }

        return steps;
    }
}

/// <param name="StepIndex">Zero-based; null for the recipe's header.</param>
public sealed record RecipeError(string FileName, int? StepIndex, string? StepName, string Field, string Problem)
{
    public override string ToString()
    {
        var T = KernelTexts.Shared;
        string where = StepIndex is null ? FileName : T["{0}, step {1} '{2}'", FileName, StepIndex + 1, StepName ?? ""];
        return Field.Length == 0 ? $"{where}: {Problem}" : T["{0}, field '{1}': {2}", where, Field, Problem];
    }
}

/// <summary>A recipe that cannot run. Nothing of it was applied.</summary>
public sealed class RecipeException(IReadOnlyList<RecipeError> errors)
    : Exception(KernelTexts.Shared["The recipe is invalid: {0}", string.Join(" ", errors)])
{
    public IReadOnlyList<RecipeError> Errors { get; } = errors;
}
