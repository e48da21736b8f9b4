using System.Text.Json.Nodes;
using InternalSocial.UnitTests.Infrastructure;
using InternalSocial.Workflows;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;

namespace InternalSocial.UnitTests.Workflows;

public sealed class DefinitionValidatorTests
{
    private const string Valid = """
        {
          "id": "guest-posts", "name": "Guest posts",
          "start": "submitted",
          "activities": [
            { "id": "submitted", "type": "test.postSubmitted" },
            { "id": "check", "type": "if", "properties": { "condition": { "fact": "author.isGuest", "equals": true } } },
            { "id": "wait", "type": "delay", "properties": { "duration": "48h" } }
          ],
          "transitions": [
            { "from": "submitted", "to": "check" },
            { "from": "check", "outcome": "true", "to": "wait" },
            { "from": "wait", "to": "check" }
          ]
        }
        """;

    private static readonly DefinitionValidator Validator = new(
        new ActivityRegistry([new PostSubmittedTestEvent(), new IfActivity(), new DelayActivity(new EnglishLocalizer<ModuleResources>())]),
        Validations.NoAssigneeKeys,
        new EnglishLocalizer<ModuleResources>());

    private static async Task<(WorkflowDefinition? Definition, Dictionary<string, string> Errors)> ValidateAsync(JsonNode? json)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var definition = await Validator.ParseAndValidateAsync(json, errors, CancellationToken.None);
        return (definition, errors);
    }

    /// <summary>The valid definition with one change.</summary>
    private static JsonObject ValidWith(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(Valid)!.AsObject();
        change(json);
        return json;
    }

    private static JsonArray Activities(JsonObject json) => json["activities"]!.AsArray();

    private static JsonArray Transitions(JsonObject json) => json["transitions"]!.AsArray();

    [Fact]
    public async Task A_valid_definition_is_returned_without_problems()
    {
        var (definition, errors) = await ValidateAsync(JsonNode.Parse(Valid));

        Assert.Empty(errors);
        Assert.NotNull(definition);
        Assert.Equal(["submitted", "check", "wait"], definition.Activities.Select(a => a.Id));
        Assert.Equal("check", definition.Next("submitted", ActivityOutcomes.Done));
    }

    public static TheoryData<string, Func<JsonNode>, string, string> Invalid => new()
    {
        { "not an object", () => new JsonArray(), "definition", "must be a JSON object" },
        { "unknown field", () => ValidWith(j => j["colour"] = "red"), "colour", "unknown field" },
        { "bad id", () => ValidWith(j => j["id"] = "Guest Posts"), "id", "lower-case letters" },
        { "empty name", () => ValidWith(j => j["name"] = "  "), "name", "is required" },
        { "no activities", () => ValidWith(j => j["activities"] = new JsonArray()), "activities", "non-empty list" },
        { "unknown activity type", () => ValidWith(j => Activities(j)[2]!["type"] = "sleep"), "activities.wait.type", "unknown activity type 'sleep'" },
        { "bad activity id", () => ValidWith(j => Activities(j).Add(new JsonObject { ["id"] = "a b", ["type"] = "if" })), "activities.a b.id", "the id must be" },
        { "activity defined twice", () => ValidWith(j => Activities(j).Add(new JsonObject { ["id"] = "wait", ["type"] = "delay", ["properties"] = new JsonObject { ["duration"] = "1h" } })), "activities.wait.id", "defined twice" },
        { "start not listed", () => ValidWith(j => j["start"] = "begin"), "start", "'begin', which is not in the list" },
        { "start not an event", () => ValidWith(j => j["start"] = "check"), "start", "the start must be an event" },
        { "transition to nowhere", () => ValidWith(j => Transitions(j)[1]!["to"] = "publish"), "transitions[1].to", "no activity 'publish'" },
        { "unknown outcome", () => ValidWith(j => Transitions(j)[1]!["outcome"] = "maybe"), "transitions[1].outcome", "has no outcome 'maybe'; its outcomes: true, false" },
        { "outcome twice", () => ValidWith(j => Transitions(j).Add(new JsonObject { ["from"] = "check", ["outcome"] = "true", ["to"] = "submitted" })), "transitions[3].outcome", "already has a transition for outcome 'true'" },
        { "missing required property", () => ValidWith(j => Activities(j)[2]!["properties"] = new JsonObject()), "activities.wait.duration", "is required: a duration" },
        { "bad duration", () => ValidWith(j => Activities(j)[2]!["properties"]!["duration"] = "soon"), "activities.wait.duration", "must be a duration" },
        { "condition on an unknown fact", () => ValidWith(j => Activities(j)[1]!["properties"]!["condition"]!["fact"] = "post.length"), "activities.check.condition.fact", "unknown fact 'post.length'" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_definition_is_refused_naming_what_is_wrong(string why, Func<JsonNode> json, string field, string problem)
    {
        var (definition, errors) = await ValidateAsync(json());

        Assert.Null(definition);
        Assert.True(errors.ContainsKey(field), $"{why}: expected a problem at '{field}'; got: {string.Join("; ", errors)}");
        Assert.Contains(problem, errors[field], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cycle_in_which_nothing_waits_is_refused_and_one_with_a_delay_is_not()
    {
        var waitless = ValidWith(j =>
        {
            Activities(j).Add(new JsonObject { ["id"] = "recheck", ["type"] = "if", ["properties"] = new JsonObject { ["condition"] = new JsonObject { ["fact"] = "post.text", ["exists"] = true } } });
            Transitions(j)[1]!["to"] = "recheck";
            Transitions(j).Add(new JsonObject { ["from"] = "recheck", ["outcome"] = "true", ["to"] = "check" });
        });

        var (definition, errors) = await ValidateAsync(waitless);

        Assert.Null(definition);
        var cycle = Assert.Single(errors);
        Assert.StartsWith("activities.", cycle.Key, StringComparison.Ordinal);
        Assert.Contains("form a cycle with no activity that waits", cycle.Value, StringComparison.Ordinal);
        Assert.Empty((await ValidateAsync(JsonNode.Parse(Valid))).Errors);
    }

    [Fact]
    public async Task A_definition_over_the_size_limit_is_refused_before_its_activities_are_read()
    {
        var json = ValidWith(j =>
        {
            for (var i = 0; i < DefinitionValidator.MaxActivities; i++)
            {
                Activities(j).Add(new JsonObject { ["id"] = $"a{i}", ["type"] = "unknown" });
            }
        });

        var (_, errors) = await ValidateAsync(json);

        Assert.Equal(["activities"], errors.Keys);
        Assert.Contains($"at most {DefinitionValidator.MaxActivities} activities", errors["activities"], StringComparison.Ordinal);
    }
}
