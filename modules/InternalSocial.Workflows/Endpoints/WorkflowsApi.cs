using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Workflows.Endpoints;

/// <summary><c>/api/v1/workflows</c>: definitions and instances, for those with <c>Workflows.Manage</c>.</summary>
internal static class WorkflowsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("workflows", "Workflows").RequireAuthorization();
        api.MapGet("", ListWorkflows).WithName(nameof(ListWorkflows)).WithSummary("The workflows: id, name, whether enabled, version and start event.");
        api.MapGet("/activities", ListActivityTypes).WithName(nameof(ListActivityTypes))
            .WithSummary("The activity types the enabled features provide, with the facts each event brings.");
        api.MapGet("/{id}", GetWorkflow).WithName(nameof(GetWorkflow)).WithSummary("One workflow's definition, as JSON that can be saved back or imported.");
        api.MapPost("", CreateWorkflow).WithName(nameof(CreateWorkflow))
            .WithSummary("Create a workflow from its definition; 400 naming each activity or transition at fault, 409 if the id is taken.");
        api.MapPut("/{id}", UpdateWorkflow).WithName(nameof(UpdateWorkflow))
            .WithSummary("Save a new version of a workflow (running instances keep theirs); the same definition makes no new version.");
        api.MapPost("/{id}/enable", EnableWorkflow).WithName(nameof(EnableWorkflow)).WithSummary("Enable a workflow: new events start it.");
        api.MapPost("/{id}/disable", DisableWorkflow).WithName(nameof(DisableWorkflow))
            .WithSummary("Disable a workflow: running instances go on, new events start nothing.");
        api.MapGet("/{id}/instances", ListWorkflowInstances).WithName(nameof(ListWorkflowInstances))
            .WithSummary("A workflow's instances, newest first, by status and page (before a date).");
        api.MapGet("/instances", ListInstances).WithName(nameof(ListInstances)).WithSummary("All workflows' instances, newest first, by status and page (before a date).");
        api.MapGet("/instances/{instanceId}", GetInstance).WithName(nameof(GetInstance)).WithSummary("One instance: its state, variables and history.");
        api.MapPost("/instances/{instanceId}/retry", RetryInstance).WithName(nameof(RetryInstance))
            .WithSummary("Run a faulted instance again from the activity that failed; 409 if it is not faulted.");
    }

    public static async Task<Ok<IReadOnlyList<WorkflowSummary>>> ListWorkflows(ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(user, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ActivityTypeView>>> ListActivityTypes(ClaimsPrincipal user, WorkflowsAdminService service) =>
        TypedResults.Ok(await service.ActivityTypesAsync(user));

    public static async Task<Ok<WorkflowDefinition>> GetWorkflow(string id, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(user, id, cancellationToken));

    public static async Task<Created<WorkflowSummary>> CreateWorkflow(HttpRequest request, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken)
    {
        var saved = await service.SaveAsync(user, await ReadJsonAsync(request, cancellationToken), SaveMode.Create, null, cancellationToken);
        return TypedResults.Created($"/api/v1/workflows/{saved.Workflow.Id}", saved.Workflow);
    }

    public static async Task<Ok<WorkflowSummary>> UpdateWorkflow(string id, HttpRequest request, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.SaveAsync(user, await ReadJsonAsync(request, cancellationToken), SaveMode.Update, id, cancellationToken)).Workflow);

    public static async Task<Ok<WorkflowSummary>> EnableWorkflow(string id, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SetEnabledAsync(user, id, enabled: true, cancellationToken));

    public static async Task<Ok<WorkflowSummary>> DisableWorkflow(string id, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SetEnabledAsync(user, id, enabled: false, cancellationToken));

    public static async Task<Ok<IReadOnlyList<InstanceSummary>>> ListWorkflowInstances(string id, WorkflowStatus? status, DateTime? before, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.InstancesAsync(user, id, status, before, cancellationToken));

    public static async Task<Ok<IReadOnlyList<InstanceSummary>>> ListInstances(WorkflowStatus? status, DateTime? before, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.InstancesAsync(user, null, status, before, cancellationToken));

    public static async Task<Ok<InstanceDetail>> GetInstance(string instanceId, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.InstanceAsync(user, instanceId, cancellationToken));

    public static async Task<Ok<RetryResult>> RetryInstance(string instanceId, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RetryResult(instanceId, await service.RetryAsync(user, instanceId, cancellationToken)));

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new InvalidInputException("body", $"The body is not valid JSON: {exception.Message}");
        }
    }
}
