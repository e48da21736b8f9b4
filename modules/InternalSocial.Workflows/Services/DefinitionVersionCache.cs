using System.Collections.Concurrent;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>Saved versions never change, so the tenant keeps them parsed once.</summary>
internal sealed class DefinitionVersionCache
{
    public ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> Versions { get; } = new();
}
