using System.Text.Json.Nodes;
using InternalSocial.Workflows.Services;

namespace InternalSocial.UnitTests.Workflows;

public sealed class ConditionsTests
{
    private static readonly Dictionary<string, JsonNode?> Facts = new(StringComparer.Ordinal)
    {
        ["author.isGuest"] = true,
        ["author.department"] = "Ventes Île-de-France",
        ["post.text"] = "The strikers said: a strike is planned, see the Works Council.",
        ["post.tags"] = new JsonArray("safety", "Canteen"),
        ["post.groupId"] = 4L,
        ["score"] = "3",
    };

    private static bool Holds(string condition) =>
        Conditions.Evaluate(JsonNode.Parse(condition), name => Facts.GetValueOrDefault(name)?.DeepClone());

    private static Dictionary<string, string> Problems(string condition)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Conditions.Validate(JsonNode.Parse(condition)!, "condition", Validations.For(errors, [.. Facts.Keys]));
        return errors;
    }

    [Fact]
    public void No_condition_always_holds() => Assert.True(Conditions.Evaluate(null, _ => null));

    [Theory]
    [InlineData("""{ "fact": "author.isGuest", "equals": true }""", true)]
    [InlineData("""{ "fact": "author.isGuest", "equals": false }""", false)]
    [InlineData("""{ "fact": "author.department", "equals": "VENTES ÎLE-DE-FRANCE" }""", true)]
    [InlineData("""{ "fact": "author.department", "equals": "Ventes Ile-de-France" }""", false)]
    [InlineData("""{ "fact": "author.department", "notEquals": "Achats" }""", true)]
    [InlineData("""{ "fact": "post.groupId", "in": [3, 4] }""", true)]
    [InlineData("""{ "fact": "post.groupId", "in": [3, 5] }""", false)]
    [InlineData("""{ "fact": "post.groupId", "equals": 4.0 }""", true)]
    [InlineData("""{ "fact": "score", "greaterThan": 2 }""", true)]
    [InlineData("""{ "fact": "score", "lessThan": 3 }""", false)]
    [InlineData("""{ "fact": "missing", "greaterThan": -1 }""", false)]
    [InlineData("""{ "fact": "missing", "exists": false }""", true)]
    [InlineData("""{ "fact": "missing", "equals": null }""", true)]
    [InlineData("""{ "fact": "post.groupId", "exists": true }""", true)]
    public void A_fact_is_compared_by_value(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Theory]
    [InlineData("""["STRIKE"]""", true)]
    [InlineData("""["striker"]""", false)]
    [InlineData("""["lawsuit", "works council"]""", true)]
    [InlineData("""["council works"]""", false)]
    public void ContainsAny_matches_whole_words_or_phrases_in_any_case(string candidates, bool expected) =>
        Assert.Equal(expected, Holds($$"""{ "fact": "post.text", "containsAny": {{candidates}} }"""));

    [Fact]
    public void ContainsAny_on_a_list_fact_matches_any_item_in_any_case()
    {
        Assert.True(Holds("""{ "fact": "post.tags", "containsAny": ["canteen"] }"""));
        Assert.False(Holds("""{ "fact": "post.tags", "containsAny": ["safe"] }"""));
    }

    [Fact]
    public void All_any_and_not_combine()
    {
        Assert.True(Holds("""{ "all": [ { "fact": "author.isGuest", "equals": true }, { "not": { "fact": "post.groupId", "equals": 3 } } ] }"""));
        Assert.False(Holds("""{ "all": [ { "fact": "author.isGuest", "equals": true }, { "fact": "post.groupId", "equals": 3 } ] }"""));
        Assert.True(Holds("""{ "any": [ { "fact": "post.groupId", "equals": 3 }, { "fact": "post.tags", "containsAny": ["safety"] } ] }"""));
        Assert.False(Holds("""{ "not": { "any": [ { "fact": "author.isGuest", "exists": true } ] } }"""));
    }

    [Fact]
    public void A_valid_condition_has_no_problem() =>
        Assert.Empty(Problems("""{ "all": [ { "fact": "author.isGuest", "equals": true }, { "not": { "fact": "post.tags", "containsAny": ["x"] } } ] }"""));

    [Theory]
    [InlineData("""{ "fact": "author.age", "equals": 3 }""", "activities.check.condition.fact", "unknown fact 'author.age'")]
    [InlineData("""{ "fact": "post.groupId" }""", "activities.check.condition", "exactly one operator")]
    [InlineData("""{ "fact": "post.groupId", "equals": 1, "in": [1] }""", "activities.check.condition", "exactly one operator")]
    [InlineData("""{ "fact": "post.groupId", "matches": "x" }""", "activities.check.condition", "exactly one operator")]
    [InlineData("""{ "equals": 1 }""", "activities.check.condition.fact", "is required")]
    [InlineData("""{ "fact": "post.groupId", "in": [] }""", "activities.check.condition.in", "list of 1 to 1000")]
    [InlineData("""{ "fact": "post.groupId", "in": [[1]] }""", "activities.check.condition.in", "plain values")]
    [InlineData("""{ "fact": "score", "greaterThan": "2" }""", "activities.check.condition.greaterThan", "must be a number")]
    [InlineData("""{ "fact": "post.groupId", "exists": "yes" }""", "activities.check.condition.exists", "true or false")]
    [InlineData("""{ "fact": "post.groupId", "equals": { "a": 1 } }""", "activities.check.condition.equals", "plain value")]
    [InlineData("""{ "all": [] }""", "activities.check.condition.all", "non-empty list")]
    [InlineData("""{ "any": [ { "fact": "score", "exists": true } ], "not": {} }""", "activities.check.condition.any", "only key")]
    [InlineData("""{ "not": { "fact": "score", "exists": true }, "fact": "score" }""", "activities.check.condition.not", "only key")]
    [InlineData("""{}""", "activities.check.condition", "must be an object")]
    [InlineData("""{ "all": [ 3 ] }""", "activities.check.condition.all[0]", "must be an object")]
    public void An_invalid_condition_is_named_where_it_is_wrong(string condition, string field, string problem)
    {
        var errors = Problems(condition);

        Assert.True(errors.ContainsKey(field), $"Expected a problem at {field}; got: {string.Join("; ", errors)}");
        Assert.Contains(problem, errors[field], StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_nested_too_deep_is_refused()
    {
        var condition = """{ "fact": "score", "exists": true }""";
        for (var i = 0; i <= Conditions.MaxDepth; i++)
        {
            condition = $$"""{ "not": {{condition}} }""";
        }

        Assert.Contains(Problems(condition).Values, p => p.Contains($"nested more than {Conditions.MaxDepth} levels", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_with_too_many_parts_is_refused()
    {
        var parts = string.Join(", ", Enumerable.Repeat("""{ "fact": "score", "exists": true }""", Conditions.MaxNodes));
        var errors = Problems($$"""{ "any": [ {{parts}} ] }""");

        Assert.Contains(errors.Values, p => p.Contains($"more than {Conditions.MaxNodes} parts", StringComparison.Ordinal));
    }
}
