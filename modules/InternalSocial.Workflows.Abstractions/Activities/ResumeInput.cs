using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>What resumed a waiting activity.</summary>
public sealed class ResumeInput
{
    /// <summary>One of <see cref="BookmarkKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>For a task: the decision ("approved", "rejected", "changesRequested").</summary>
    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    public string? ActorId { get; init; }

    /// <summary>For an event: the facts it brings.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Facts { get; init; } = new Dictionary<string, JsonNode?>();
}
