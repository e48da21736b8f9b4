using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Recipes;

/// <summary>Exports every workflow definition (its current version and whether it is on).</summary>
internal sealed class WorkflowsRecipeExporter(WorkflowDefinitionStore store) : IRecipeExporter
{
    public int Order => 300;

    public async Task<IEnumerable<JsonObject>> ExportAsync(CancellationToken cancellationToken)
    {
        var workflows = new JsonArray();
        foreach (var summary in await store.ListAsync(cancellationToken))
        {
            var definition = await store.FindAsync(summary.Id, cancellationToken);
            workflows.Add(JsonSerializer.SerializeToNode(definition, WorkflowDefinitionStore.Json));
        }

        return workflows.Count == 0 ? [] : [new JsonObject { ["name"] = "workflows", ["workflows"] = workflows }];
    }
}
