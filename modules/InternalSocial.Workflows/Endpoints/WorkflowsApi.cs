using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Workflows.Endpoints;

public sealed record DecisionInput(string? Reason);

public sealed record RetryResult(string InstanceId, string Status);

public sealed record ReportReasonsInput(List<ReportReason>? ReportReasons);

/// <summary><c>/api/v1/workflows</c> (administrators) and <c>/api/v1/moderation</c> (moderators).</summary>
public static class WorkflowsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var workflows = endpoints.MapApiGroup("workflows", "Workflows").RequireAuthorization();
        workflows.MapGet("", async (ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ListAsync(user, cancellationToken)));
        workflows.MapGet("/activities", async (ClaimsPrincipal user, WorkflowsAdminService service) =>
            TypedResults.Ok(await service.ActivityTypesAsync(user)));
        workflows.MapGet("/{id}", async (string id, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetAsync(user, id, cancellationToken)));
        workflows.MapPost("", async (HttpRequest request, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
        {
            var saved = await service.SaveAsync(user, await ReadJsonAsync(request, cancellationToken), SaveMode.Create, null, cancellationToken);
            return TypedResults.Created($"/api/v1/workflows/{saved.Workflow.Id}", saved.Workflow);
        });
        workflows.MapPut("/{id}", async (string id, HttpRequest request, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok((await service.SaveAsync(user, await ReadJsonAsync(request, cancellationToken), SaveMode.Update, id, cancellationToken)).Workflow));
        workflows.MapPost("/{id}/enable", async (string id, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.SetEnabledAsync(user, id, enabled: true, cancellationToken)));
        workflows.MapPost("/{id}/disable", async (string id, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.SetEnabledAsync(user, id, enabled: false, cancellationToken)));
        workflows.MapGet("/{id}/instances", async (string id, WorkflowStatus? status, DateTime? before, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.InstancesAsync(user, id, status, before, cancellationToken)));
        workflows.MapGet("/instances", async (WorkflowStatus? status, DateTime? before, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.InstancesAsync(user, null, status, before, cancellationToken)));
        workflows.MapGet("/instances/{instanceId}", async (string instanceId, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.InstanceAsync(user, instanceId, cancellationToken)));
        workflows.MapPost("/instances/{instanceId}/retry", async (string instanceId, ClaimsPrincipal user, WorkflowsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(new RetryResult(instanceId, await service.RetryAsync(user, instanceId, cancellationToken))));

        var moderation = endpoints.MapApiGroup("moderation", "Moderation").RequireAuthorization();
        moderation.MapGet("/tasks", async (long? groupId, string? cursor, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ListAsync(user, groupId, cursor, cancellationToken)));
        moderation.MapGet("/tasks/{id:long}", async (long id, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetAsync(user, id, cancellationToken)));
        moderation.MapPost("/tasks/{id:long}/approve", async (long id, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.DecideAsync(user, id, ApprovalActivity.Approved, null, cancellationToken)));
        moderation.MapPost("/tasks/{id:long}/reject", async (long id, DecisionInput? input, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.DecideAsync(user, id, ApprovalActivity.Rejected, input?.Reason, cancellationToken)));
        moderation.MapPost("/tasks/{id:long}/request-changes", async (long id, DecisionInput? input, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.DecideAsync(user, id, ApprovalActivity.ChangesRequested, input?.Reason, cancellationToken)));
        moderation.MapGet("/reports", async (ClaimsPrincipal user, ReportsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ListAsync(user, cancellationToken)));
        moderation.MapGet("/settings/report-reasons", async (ReportsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ReasonsAsync(cancellationToken)));
        moderation.MapPut("/settings/report-reasons", async (ReportReasonsInput? input, ClaimsPrincipal user, ReportsService service, CancellationToken cancellationToken) =>
        {
            await service.SaveReasonsAsync(user, input?.ReportReasons, cancellationToken);
            return TypedResults.Ok(await service.ReasonsAsync(cancellationToken));
        });

        var reports = endpoints.MapApiGroup("reports", "Moderation").RequireAuthorization();
        reports.MapPost("", async (ReportInput? input, ClaimsPrincipal user, ReportsService service, CancellationToken cancellationToken) =>
        {
            var created = await service.ReportAsync(user, input, cancellationToken);
            return TypedResults.Created($"/api/v1/reports/{created.Id}", created);
        });
        moderation.MapGet("/log", async (string? cursor, int? take, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.LogAsync(user, cursor, take ?? 50, cancellationToken)));
    }

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
