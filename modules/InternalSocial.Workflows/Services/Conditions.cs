using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Workflows.Abstractions.Activities;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// The condition language of workflows, in JSON rather than code so that it is safe by construction: no loops, no
/// calls, a bounded size, facts read from the instance only.
/// <code>
/// { "all": [ … ] }   { "any": [ … ] }   { "not": { … } }
/// { "fact": "author.isGuest", "equals": true }      { "fact": "post.groupId", "in": [3, 4] }
/// { "fact": "post.text", "containsAny": ["strike", "lawsuit"] }   (whole words, any case; or any item of a list fact)
/// { "fact": "post.tags", "containsAny": ["safety"] }   { "fact": "x", "notEquals": 1 }   { "fact": "x", "exists": true }
/// { "fact": "n", "greaterThan": 3 }   { "fact": "n", "lessThan": 3 }
/// </code>
/// </summary>
internal static partial class Conditions
{
    public const int MaxDepth = 8;
    public const int MaxNodes = 200;
    public const int MaxListItems = 1000;

    private static readonly string[] Operators = ["equals", "notEquals", "in", "containsAny", "exists", "greaterThan", "lessThan"];

    public static void Validate(JsonNode condition, string field, ActivityValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var nodes = 0;
        Check(condition, field, 0, ref nodes, validation);
    }

    public static bool Evaluate(JsonNode? condition, Func<string, JsonNode?> fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (condition is not JsonObject node)
        {
            return true;
        }

        if (node["all"] is JsonArray all)
        {
            return all.All(c => Evaluate(c, fact));
        }

        if (node["any"] is JsonArray any)
        {
            return any.Any(c => Evaluate(c, fact));
        }

        if (node["not"] is JsonObject not)
        {
            return !Evaluate(not, fact);
        }

        var value = fact(node["fact"]!.GetValue<string>());
        var (op, operand) = node.First(p => p.Key != "fact");
        return op switch
        {
            "equals" => SameValue(value, operand),
            "notEquals" => !SameValue(value, operand),
            "in" => operand!.AsArray().Any(item => SameValue(value, item)),
            "exists" => (value is not null) == operand!.GetValue<bool>(),
            "containsAny" => ContainsAny(value, operand!.AsArray()),
            "greaterThan" => Number(value) is { } left && Number(operand) is { } right && left > right,
            "lessThan" => Number(value) is { } left2 && Number(operand) is { } right2 && left2 < right2,
            _ => false,
        };
    }

    private static void Check(JsonNode? condition, string field, int depth, ref int nodes, ActivityValidation validation)
    {
        if (++nodes > MaxNodes)
        {
            validation.Error(field, validation.T["the condition has more than {0} parts.", MaxNodes]);
            return;
        }

        if (depth > MaxDepth)
        {
            validation.Error(field, validation.T["the condition is nested more than {0} levels deep.", MaxDepth]);
            return;
        }

        if (condition is not JsonObject node || node.Count == 0)
        {
            validation.Error(field, validation.T["must be an object such as { \"fact\": \"author.isGuest\", \"equals\": true }, or all/any/not."]);
            return;
        }

        if (node.ContainsKey("all") || node.ContainsKey("any"))
        {
            var key = node.ContainsKey("all") ? "all" : "any";
            if (node.Count != 1 || node[key] is not JsonArray parts || parts.Count == 0)
            {
                validation.Error($"{field}.{key}", validation.T["must be the only key, with a non-empty list of conditions."]);
                return;
            }

            for (var i = 0; i < parts.Count; i++)
            {
                Check(parts[i], $"{field}.{key}[{i}]", depth + 1, ref nodes, validation);
            }

            return;
        }

        if (node.ContainsKey("not"))
        {
            if (node.Count != 1)
            {
                validation.Error($"{field}.not", validation.T["must be the only key."]);
                return;
            }

            Check(node["not"], $"{field}.not", depth + 1, ref nodes, validation);
            return;
        }

        CheckLeaf(node, field, validation);
    }

    /// <summary>A test of one fact: <c>{ "fact": "…", "operator": operand }</c>.</summary>
    private static void CheckLeaf(JsonObject node, string field, ActivityValidation validation)
    {
        if (node["fact"] is not JsonValue factValue || factValue.GetValueKind() != JsonValueKind.String)
        {
            validation.Error($"{field}.fact", validation.T["is required: the name of a fact such as \"author.isGuest\" (or use all/any/not)."]);
            return;
        }

        var factName = factValue.GetValue<string>();
        if (!validation.KnownFacts.Contains(factName))
        {
            validation.Error($"{field}.fact", validation.T["unknown fact '{0}'; known: {1}.", factName, string.Join(", ", validation.KnownFacts.Order(StringComparer.Ordinal))]);
        }

        var operators = node.Where(p => p.Key != "fact").ToList();
        if (operators.Count != 1 || !Operators.Contains(operators[0].Key))
        {
            validation.Error(field, validation.T["must have exactly one operator besides \"fact\": {0}.", string.Join(", ", Operators)]);
            return;
        }

        var (op, operand) = operators[0];
        var kind = operand?.GetValueKind();
        var problem = op switch
        {
            "in" or "containsAny" when operand is not JsonArray list || list.Count == 0 || list.Count > MaxListItems || list.Any(i => i is not JsonValue) =>
                validation.T["must be a list of 1 to {0} plain values.", MaxListItems],
            "exists" when kind is not (JsonValueKind.True or JsonValueKind.False) => validation.T["must be true or false."],
            "greaterThan" or "lessThan" when kind != JsonValueKind.Number => validation.T["must be a number."],
            "equals" or "notEquals" when operand is not (null or JsonValue) => validation.T["must be a plain value (text, number, true/false or null)."],
            _ => null,
        };
        if (problem is not null)
        {
            validation.Error($"{field}.{op}", problem);
        }
    }

    private static bool SameValue(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is JsonValue l && right is JsonValue r && l.GetValueKind() == JsonValueKind.String && r.GetValueKind() == JsonValueKind.String)
        {
            return string.Equals(l.GetValue<string>(), r.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        if (Number(left) is { } a && Number(right) is { } b)
        {
            return a.Equals(b);
        }

        return JsonNode.DeepEquals(left, right);
    }

    private static bool ContainsAny(JsonNode? value, JsonArray candidates)
    {
        switch (value)
        {
            case JsonArray items:
                return items.Any(item => candidates.Any(candidate => SameValue(item, candidate)));
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                var words = new HashSet<string>(Words().Matches(text.GetValue<string>()).Select(m => m.Value), StringComparer.OrdinalIgnoreCase);
                return candidates.OfType<JsonValue>().Select(c => c.ToString()).Any(candidate =>
                    candidate.Contains(' ', StringComparison.Ordinal)
                        ? text.GetValue<string>().Contains(candidate, StringComparison.OrdinalIgnoreCase)
                        : words.Contains(candidate));
            default:
                return false;
        }
    }

    // Facts built in code hold .NET numbers (int, long), parsed JSON holds JsonElement: read both through their JSON text.
    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
        : node is JsonValue text && text.GetValueKind() == JsonValueKind.String && double.TryParse(text.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    [GeneratedRegex(@"[\p{L}\p{N}_'-]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Words();
}
