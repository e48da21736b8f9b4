using System.Text.Json.Nodes;
using InternalSocial.Kernel.Events;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Activities;

/// <summary>
/// <c>{ "type": "escalate", "properties": { "task": "approve", "assignees": [ { "role": "CommunicationDirector" } ] } }</c>:
/// reassigns the open task of the approval activity <c>task</c> and tells the new assignees; outcome "done" (lead it back
/// to the approval activity to wait for the decision again).
/// </summary>
internal sealed class EscalateActivity(IStringLocalizer<ModuleResources> T) : TaskActivity
{
    public override string Type => "escalate";

    public override string DisplayName => "Escalate a task";

    public override IReadOnlyList<ActivityField> Fields =>
    [
        new("assignees", ActivityFieldKind.Assignees, T["Who decides"]) { Required = true },
        new("task", ActivityFieldKind.Step, T["Approval step to escalate"])
        {
            Required = true,
            Options = ["approval"],
            Hint = T["the id of the approval activity whose task is escalated."],
        },
    ];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Services.GetRequiredService<WorkflowsDbContext>();
        var approvalId = context.Properties["task"]!.GetValue<string>();
        var taskId = context.Variables[ApprovalActivity.TaskVariable(approvalId)] is JsonValue value && value.TryGetValue<long>(out var id) ? id : 0;
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.Status == Models.TaskStatus.Open, cancellationToken);
        if (task is null)
        {
            return ActivityResult.Outcome(ActivityOutcomes.Done, "no open task to escalate");
        }

        var assignees = await AssigneeSpecs.ResolveAsync(context, context.Properties["assignees"]!.AsArray(), task.GroupId, cancellationToken);
        if (assignees.Count == 0)
        {
            throw new InvalidOperationException("Nobody to escalate the task to.");
        }

        await db.Assignees.Where(a => a.TaskId == task.Id).ExecuteDeleteAsync(cancellationToken);
        var rows = assignees.Select(a => new TaskAssignee { TaskId = task.Id, Kind = a.Kind, Value = a.Value }).ToList();
        db.Assignees.AddRange(rows);
        task.EscalationCount++;
        db.Log.Add(new ModerationLogEntry { AtUtc = context.NowUtc, ActorId = "", Action = "escalated", SubjectType = task.SubjectType, SubjectId = task.SubjectId, GroupId = task.GroupId, Reason = string.Join(", ", rows.Select(r => $"{r.Kind}:{r.Value}")) });
        await db.SaveChangesAsync(cancellationToken);
        await context.Services.GetRequiredService<IEventBus>().PublishAsync(new WorkflowTaskAssigned(task.Id, task.SubjectType, task.SubjectId, task.Summary, rows, IsEscalation: true), cancellationToken);
        return ActivityResult.Outcome(ActivityOutcomes.Done, string.Join(", ", rows.Select(r => $"{r.Kind}:{r.Value}")));
    }
}
