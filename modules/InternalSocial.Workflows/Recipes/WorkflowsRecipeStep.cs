using System.Text.Json.Nodes;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Recipes;

/// <summary>
/// <c>{ "name": "workflows", "workflows": [ { "id": "approve-group-posts", "name": "…", "start": "submitted", "activities": [ … ], "transitions": [ … ] } ] }</c>.
/// Upserts each definition by id: the same definition again changes nothing, a changed one becomes a new version.
/// </summary>
internal sealed class WorkflowsRecipeStep(DefinitionValidator validator, WorkflowDefinitionStore store, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    public string StepName => "workflows";

    /// <summary>
    /// A definition is whole and every save of a different one is a new version: only the last definition of an id in a
    /// run is saved, so a recipe that redefines an included one's workflow saves it once, not twice per run.
    /// </summary>
    public RecipeStepItems? Items => RecipeStepItems.Replace("workflows", "id");

    /// <summary>As the workflows page: <see cref="Permissions.ManageWorkflows"/>.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.ManageWorkflows]);

    public async Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var unknown in step.Data.Select(p => p.Key).Where(k => k is not ("name" or "workflows")))
        {
            errors.Add(step.Error(unknown, T["unknown field; allowed: workflows."]));
        }

        if (step.Data["workflows"] is not JsonArray workflows || workflows.Count == 0)
        {
            errors.Add(step.Error("workflows", T["is required: a non-empty list of workflow definitions."]));
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workflows.Count; i++)
        {
            var problems = new Dictionary<string, string>();
            var definition = await validator.ParseAndValidateAsync(workflows[i], problems, cancellationToken);
            foreach (var (field, problem) in problems)
            {
                errors.Add(step.Error($"workflows[{i}].{field}", problem));
            }

            if (definition is not null && !ids.Add(definition.Id))
            {
                errors.Add(step.Error($"workflows[{i}].id", T["workflow '{0}' is listed twice in this step.", definition.Id]));
            }
        }
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        foreach (var node in step.Data["workflows"]!.AsArray())
        {
            var definition = await validator.ParseAndValidateAsync(node, new Dictionary<string, string>(), cancellationToken)
                ?? throw new InvalidOperationException("A workflow definition that passed validation no longer does.");
            await store.SaveAsync(definition, "", SaveMode.Upsert, cancellationToken);
        }
    }
}
