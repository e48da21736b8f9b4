using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Workflows.Activities;

/// <summary>
/// Who a task goes to, as written in definitions: a list of one-key objects, each key an <see cref="AssigneeKey"/>
/// (<c>{ "role": "Moderator" }</c>, <c>{ "user": "alice" }</c>, <c>{ "fact": "post.authorId" }</c>, and those of other modules).
/// </summary>
internal static class AssigneeSpecs
{
    public const int MaxAssignees = 20;

    public static void Validate(ActivityValidation validation, string field)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var keys = validation.Keys;
        if (validation.Properties[field] is not JsonArray list || list.Count == 0 || list.Count > MaxAssignees)
        {
            var examples = string.Join(", ", keys.All.Select(k => k.Example).OfType<string>());
            validation.Error(field, validation.T["is required: a list of 1 to 20 assignees such as {0}.", examples]);
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{field}[{i}]";
            if (list[i] is not JsonObject spec || spec.Count != 1)
            {
                validation.Error(path, validation.T["must be an object with exactly one of {0}.", string.Join(", ", keys.All.Select(k => k.Key))]);
                continue;
            }

            var (name, value) = spec.First();
            if (Problem(validation, keys.Find(name), name, value) is { } problem)
            {
                validation.Error($"{path}.{name}", problem);
            }
        }
    }

    public static async Task<List<(string Kind, string Value)>> ResolveAsync(ActivityContext context, JsonArray specs, long? groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(specs);
        var keys = context.Services.GetRequiredService<AssigneeKeys>();
        var target = new AssigneeTarget(context, groupId);
        var resolved = new List<(string Kind, string Value)>();
        var byKey = specs.OfType<JsonObject>().Select(s => s.First()).GroupBy(s => s.Key, StringComparer.Ordinal);
        foreach (var entries in byKey)
        {
            if (keys.Find(entries.Key) is { } key && keys.Works(key))
            {
                var values = await key.ResolveAsync([.. entries.Select(e => e.Value!)], target, cancellationToken);
                resolved.AddRange(values.Select(v => (key.ScopeKind, v)));
            }
        }

        return [.. resolved.Distinct()];
    }

    private static string? Problem(ActivityValidation validation, AssigneeKey? key, string name, JsonNode? value)
    {
        var T = validation.T;
        if (key is null)
        {
            var all = validation.Keys.All.Select(k => k.Key).ToArray();
            var choices = all.Length > 1 ? T["{0} or {1}", string.Join(", ", all[..^1]), all[^1]].Value : string.Join("", all);
            return T["unknown assignee '{0}'; use {1}.", name, choices];
        }

        var problem = key.Value switch
        {
            AssigneeValue.Name when value is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Trim().Length is 0 or > 100 =>
                T["must be a name of 1 to 100 characters."].Value,
            AssigneeValue.True when value?.GetValueKind() != JsonValueKind.True => T["must be true."].Value,
            AssigneeValue.Fact when value is not JsonValue fact || fact.GetValueKind() != JsonValueKind.String || !validation.KnownFacts.Contains(fact.GetValue<string>()) =>
                T["must name a known fact holding a user id; known: {0}.", string.Join(", ", validation.KnownFacts.Order(StringComparer.Ordinal))].Value,
            _ => null,
        };
        return problem ?? (validation.Keys.Works(key) ? null
            : T["needs the feature '{0}' ({1}), which is off: nobody would see the task.", validation.Keys.FeatureName(key), key.FeatureId ?? ""].Value);
    }
}
