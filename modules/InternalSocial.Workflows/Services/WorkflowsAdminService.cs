using System.Security.Claims;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Workflows.Services;

/// <summary>What administrators do with workflows: definitions, instances, retries. Every call checks the permission.</summary>
internal sealed class WorkflowsAdminService(
    WorkflowsDbContext db,
    WorkflowDefinitionStore store,
    WorkflowEngine engine,
    ActivityRegistry registry,
    IAuthorizationService authorization)
{
    public const int InstancesPageSize = 50;

    public async Task<IReadOnlyList<WorkflowSummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        return await store.ListAsync(cancellationToken);
    }

    public async Task<WorkflowDefinition> GetAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        return await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"No workflow with id '{id}'.");
    }

    public async Task<SaveResult> SaveAsync(ClaimsPrincipal user, JsonNode? json, SaveMode mode, string? routeId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        if (routeId is not null && json is JsonObject body && body["id"] is null)
        {
            body["id"] = routeId;
        }

        var definition = await store.ValidateAsync(json, cancellationToken);
        if (routeId is not null && definition.Id != routeId)
        {
            throw new InvalidInputException("id", $"The id in the body ('{definition.Id}') differs from the address ('{routeId}').");
        }

        return await store.SaveAsync(definition, UserId(user), mode, cancellationToken);
    }

    public async Task<WorkflowSummary> SetEnabledAsync(ClaimsPrincipal user, string id, bool enabled, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        return await store.SetEnabledAsync(id, enabled, UserId(user), cancellationToken);
    }

    public async Task<IReadOnlyList<InstanceSummary>> InstancesAsync(ClaimsPrincipal user, string? workflowId, WorkflowStatus? status, DateTime? before, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        if (workflowId is not null && !await db.Types.AnyAsync(t => t.Id == workflowId, cancellationToken))
        {
            throw new NotFoundException($"No workflow with id '{workflowId}'.");
        }

        var query = db.Instances.AsNoTracking();
        if (workflowId is not null)
        {
            query = query.Where(i => i.WorkflowId == workflowId);
        }

        if (status is not null)
        {
            query = query.Where(i => i.Status == status);
        }

        if (before is not null)
        {
            query = query.Where(i => i.CreatedUtc < before);
        }

        return await query.OrderByDescending(i => i.CreatedUtc).Take(InstancesPageSize)
            .Select(i => new InstanceSummary(i.Id, i.WorkflowId, i.Version, i.Status.ToString(), i.CorrelationKey, i.ActivityId, i.Error, i.CreatedUtc, i.UpdatedUtc))
            .ToListAsync(cancellationToken);
    }

    public async Task<InstanceDetail> InstanceAsync(ClaimsPrincipal user, string instanceId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        var i = await db.Instances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == instanceId, cancellationToken)
            ?? throw new NotFoundException($"No workflow instance with id {instanceId}.");
        var history = await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id)
            .Select(h => new HistoryView(h.ActivityId, h.ActivityType, h.Outcome, h.ActorId, h.Note, h.AtUtc)).ToListAsync(cancellationToken);
        return new InstanceDetail(new InstanceSummary(i.Id, i.WorkflowId, i.Version, i.Status.ToString(), i.CorrelationKey, i.ActivityId, i.Error, i.CreatedUtc, i.UpdatedUtc),
            history, JsonNode.Parse(i.VariablesJson) as JsonObject ?? []);
    }

    public async Task<string> RetryAsync(ClaimsPrincipal user, string instanceId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        return (await engine.RetryAsync(instanceId, UserId(user), cancellationToken)).ToString();
    }

    public async Task<IReadOnlyList<ActivityTypeView>> ActivityTypesAsync(ClaimsPrincipal user)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        return [.. registry.All.OrderBy(a => a.Type, StringComparer.Ordinal).Select(a => new ActivityTypeView(a.Type, a.DisplayName, a.IsEvent, a.CanWait, a.Facts))];
    }

    private static string UserId(ClaimsPrincipal user) => user.GetUserId();
}
