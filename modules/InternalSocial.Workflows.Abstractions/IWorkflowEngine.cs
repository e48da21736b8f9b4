using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Abstractions;

/// <summary>The Workflows module's public service for modules that raise events.</summary>
public interface IWorkflowEngine
{
    /// <summary>
    /// Resumes the instances waiting for this event with this correlation key ("post:42"), then starts the enabled
    /// workflows that begin with it and whose start condition holds. Call it after the data the event describes is saved.
    /// </summary>
    Task TriggerAsync(string eventName, string correlationKey, IReadOnlyDictionary<string, JsonNode?> facts, CancellationToken cancellationToken);

    /// <summary>
    /// The start activities of the enabled workflows this event would start: lets a module decide before saving (the
    /// feed holds a post for approval when a matching start asks it to).
    /// </summary>
    Task<IReadOnlyList<WorkflowStart>> MatchingStartsAsync(string eventName, IReadOnlyDictionary<string, JsonNode?> facts, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TriggerAsync(string, string, IReadOnlyDictionary{string, JsonNode?}, CancellationToken)"/> with the starts
    /// <see cref="MatchingStartsAsync"/> found for the same facts: their conditions are not evaluated a second time.
    /// </summary>
    Task TriggerAsync(string eventName, string correlationKey, IReadOnlyDictionary<string, JsonNode?> facts, IReadOnlyList<WorkflowStart> starts, CancellationToken cancellationToken);
}
