using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>What a faulted instance runs again: the start (no activity) or a resume of an activity with its input.</summary>
internal sealed record RetryPlan(string? ActivityId, string? Kind, string? Outcome, string? Reason, string? ActorId, Dictionary<string, string?>? Facts)
{
    public ResumeInput ToInput() => new()
    {
        Kind = Kind ?? BookmarkKinds.Event,
        Outcome = Outcome,
        Reason = Reason,
        ActorId = ActorId,
        Facts = (Facts ?? []).ToDictionary(p => p.Key, p => p.Value is null ? null : JsonNode.Parse(p.Value)),
    };
}
