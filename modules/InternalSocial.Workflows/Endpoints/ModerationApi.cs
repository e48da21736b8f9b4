using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Workflows.Endpoints;

/// <summary><c>/api/v1/moderation</c> (moderators: tasks, reports, the log) and <c>/api/v1/reports</c> (anyone signed in).</summary>
internal static class ModerationApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("moderation", "Moderation").RequireAuthorization();
        api.MapGet("/tasks", ListModerationTasks).WithName(nameof(ListModerationTasks))
            .WithSummary("The open tasks the caller may decide (by role, person or moderated group), oldest first, a page at a time.");
        api.MapGet("/tasks/{id:long}", GetModerationTask).WithName(nameof(GetModerationTask)).WithSummary("One task the caller may see; 404 otherwise.");
        api.MapPost("/tasks/{id:long}/approve", ApproveModerationTask).WithName(nameof(ApproveModerationTask))
            .WithSummary("Approve a task; 409 if it was decided meanwhile.");
        api.MapPost("/tasks/{id:long}/reject", RejectModerationTask).WithName(nameof(RejectModerationTask))
            .WithSummary("Reject a task with a reason the author is told, optionally citing a rule (`rule`: its number; 400 if there is none); 409 if it was decided meanwhile.");
        api.MapPost("/tasks/{id:long}/request-changes", RequestModerationChanges).WithName(nameof(RequestModerationChanges))
            .WithSummary("Send a task's subject back to its author for changes, with a reason; 409 if it was decided meanwhile.");
        api.MapGet("/reports", ListReportedContent).WithName(nameof(ListReportedContent))
            .WithSummary("Reported content the caller may review, most recently reported first, with its reasons.");
        api.MapGet("/settings/report-reasons", GetReportReasons).WithName(nameof(GetReportReasons)).WithSummary("The reasons people choose from when they report content.");
        api.MapPut("/settings/report-reasons", SaveReportReasons).WithName(nameof(SaveReportReasons))
            .WithSummary("Replace the reasons people choose from when they report content; 400 naming the reason at fault.");
        api.MapGet("/log", ListModerationLog).WithName(nameof(ListModerationLog)).WithSummary("The moderation log, newest first, a page at a time (take at most 5000).");

        var reports = endpoints.MapApiGroup("reports", "Moderation").RequireAuthorization();
        reports.MapPost("", ReportContent).WithName(nameof(ReportContent))
            .WithSummary("Report a post or a comment with one of the configured reasons and an optional comment.");
    }

    public static async Task<Ok<TaskPage>> ListModerationTasks(long? groupId, string? cursor, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(user, groupId, cursor, cancellationToken));

    public static async Task<Ok<TaskView>> GetModerationTask(long id, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(user, id, cancellationToken));

    public static async Task<Ok<DecisionResult>> ApproveModerationTask(long id, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.DecideAsync(user, id, ApprovalActivity.Approved, null, cancellationToken));

    public static async Task<Ok<DecisionResult>> RejectModerationTask(long id, DecisionInput? input, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.DecideAsync(user, id, ApprovalActivity.Rejected, input?.Reason, input?.Rule, cancellationToken));

    public static async Task<Ok<DecisionResult>> RequestModerationChanges(long id, DecisionInput? input, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.DecideAsync(user, id, ApprovalActivity.ChangesRequested, input?.Reason, input?.Rule, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ReportedContentView>>> ListReportedContent(ClaimsPrincipal user, ReportsService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(user, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ReasonView>>> GetReportReasons(ReportsService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ReasonsAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<ReasonView>>> SaveReportReasons(ReportReasonsInput? input, ClaimsPrincipal user, ReportsService service, CancellationToken cancellationToken)
    {
        await service.SaveReasonsAsync(user, input?.ReportReasons, cancellationToken);
        return TypedResults.Ok(await service.ReasonsAsync(cancellationToken));
    }

    public static async Task<Ok<LogPage>> ListModerationLog(string? cursor, int? take, ClaimsPrincipal user, ModerationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.LogAsync(user, cursor, take ?? 50, cancellationToken));

    public static async Task<Created<ReportCreated>> ReportContent(ReportInput? input, ClaimsPrincipal user, ReportsService service, CancellationToken cancellationToken)
    {
        var created = await service.ReportAsync(user, input, cancellationToken);
        return TypedResults.Created($"/api/v1/reports/{created.Id}", created);
    }
}
