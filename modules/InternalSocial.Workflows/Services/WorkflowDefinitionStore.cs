using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Workflows.Services;

/// <summary>Workflow definitions: each save that changes something is a new version; instances keep theirs.</summary>
internal sealed class WorkflowDefinitionStore(WorkflowsDbContext db, DefinitionValidator validator, DefinitionVersionCache cache, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public async Task<WorkflowDefinition> GetVersionAsync(string id, int version, CancellationToken cancellationToken)
    {
        if (cache.Versions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        var record = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.WorkflowId == id && v.Version == version, cancellationToken)
            ?? throw new NotFoundException($"No version {version} of workflow '{id}'.");
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(record.Json, Json)!;
        cache.Versions[(id, version)] = definition;
        return definition;
    }

    public async Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.Types.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new WorkflowSummary(t.Id, t.Name, t.Enabled, t.Version, t.StartEvent, t.UpdatedUtc))
            .ToListAsync(cancellationToken);

    public async Task<WorkflowDefinition?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var type = await db.Types.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return null;
        }

        var definition = Clone(await GetVersionAsync(type.Id, type.Version, cancellationToken));
        definition.Enabled = type.Enabled;
        return definition;
    }

    /// <summary>Checks the whole definition; a 400 names every problem, each with its activity.</summary>
    public async Task<WorkflowDefinition> ValidateAsync(JsonNode? json, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var definition = await validator.ParseAndValidateAsync(json, errors, cancellationToken);
        return definition ?? throw new InvalidInputException(errors);
    }

    /// <summary>
    /// Creates or updates by id. Saving the same definition again changes nothing (no new version), so a recipe can
    /// run twice. <paramref name="mode"/> says whether the id must be new, must exist, or either.
    /// </summary>
    public async Task<SaveResult> SaveAsync(WorkflowDefinition definition, string byUserId, SaveMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var now = clock.GetUtcNow().UtcDateTime;
        var type = await db.Types.FirstOrDefaultAsync(t => t.Id == definition.Id, cancellationToken);
        if (type is not null && mode == SaveMode.Create)
        {
            throw new ConflictException($"A workflow with id '{definition.Id}' exists already.");
        }

        if (type is null && mode == SaveMode.Update)
        {
            throw new NotFoundException($"No workflow with id '{definition.Id}'.");
        }

        var stored = Clone(definition);
        stored.Enabled = true;
        var json = JsonSerializer.Serialize(stored, Json);
        var currentJson = type is null ? null : await CurrentJsonAsync(type, cancellationToken);
        var definitionChanged = currentJson is null || !JsonNode.DeepEquals(JsonNode.Parse(currentJson), JsonNode.Parse(json));
        if (type is not null && !definitionChanged && type.Enabled == definition.Enabled)
        {
            return new SaveResult(Summary(type), Created: false, Changed: false);
        }

        var created = type is null;
        if (type is null)
        {
            type = new WorkflowTypeRecord { Id = definition.Id, Version = 0 };
            db.Types.Add(type);
        }

        if (definitionChanged)
        {
            type.Version++;
            db.Versions.Add(new WorkflowVersionRecord { WorkflowId = type.Id, Version = type.Version, Json = json, CreatedUtc = now });
        }

        type.Name = definition.Name;
        type.Enabled = definition.Enabled;
        type.StartEvent = definition.Activity(definition.Start)!.Type;
        type.UpdatedUtc = now;
        type.UpdatedBy = byUserId;
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(Summary(type), created, Changed: true);
    }

    public async Task<WorkflowSummary> SetEnabledAsync(string id, bool enabled, string byUserId, CancellationToken cancellationToken)
    {
        var type = await db.Types.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException($"No workflow with id '{id}'.");
        type.Enabled = enabled;
        type.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        type.UpdatedBy = byUserId;
        await db.SaveChangesAsync(cancellationToken);
        return Summary(type);
    }

    private async Task<string?> CurrentJsonAsync(WorkflowTypeRecord type, CancellationToken cancellationToken) =>
        type.Version == 0 ? null : await db.Versions.AsNoTracking().Where(v => v.WorkflowId == type.Id && v.Version == type.Version).Select(v => v.Json).FirstOrDefaultAsync(cancellationToken);

    private static WorkflowSummary Summary(WorkflowTypeRecord type) => new(type.Id, type.Name, type.Enabled, type.Version, type.StartEvent, type.UpdatedUtc);

    private static WorkflowDefinition Clone(WorkflowDefinition definition) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(JsonSerializer.Serialize(definition, Json), Json)!;
}
