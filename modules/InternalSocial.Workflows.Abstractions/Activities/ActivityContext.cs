using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Models;

namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>What an activity sees while it runs.</summary>
public sealed class ActivityContext
{
    public required WorkflowInstance Instance { get; init; }

    public required WorkflowDefinition Definition { get; init; }

    public required ActivityDefinition Activity { get; init; }

    /// <summary>The instance's variables: the starting event's facts and what activities add. Saved with the instance.</summary>
    public required JsonObject Variables { get; init; }

    /// <summary>The services of the run's scope (its database transaction included).</summary>
    public required IServiceProvider Services { get; init; }

    public required DateTime NowUtc { get; init; }

    /// <summary>Who caused this run (a moderator deciding); null for events and timers.</summary>
    public string? ActorId { get; init; }

    public JsonObject Properties => Activity.Properties;

    public JsonNode? Fact(string name) => Variables[name];

    /// <summary>A fact as text ("" when absent), for ids and names.</summary>
    public string Text(string name) => Variables[name] is JsonValue value ? value.ToString() : "";
}
