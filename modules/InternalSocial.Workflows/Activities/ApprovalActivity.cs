using System.Text.Json.Nodes;
using InternalSocial.Kernel.Events;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Activities;

/// <summary>
/// <c>{ "type": "approval", "properties": { "assignees": [ { "groupModerators": true }, { "role": "Moderator" } ], "escalateAfter": "48h" } }</c>.
/// Creates a moderation task about the instance's subject (the facts <c>subject.type</c>, <c>subject.id</c>…) and waits
/// for a decision: outcome "approved", "rejected" or "changesRequested" (the decision is kept in <c>decision.*</c>). With
/// <c>escalateAfter</c>, the outcome "timedOut" follows when nobody decided in time (once; the task stays open, so an
/// <c>escalate</c> activity can reassign it and come back here).
/// </summary>
internal sealed class ApprovalActivity(IStringLocalizer<ModuleResources> T) : TaskActivity
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string ChangesRequested = "changesRequested";
    public const string TimedOut = "timedOut";

    public override string Type => "approval";

    public override string DisplayName => "Approval by a moderator";

    public override bool CanWait => true;

    public override IReadOnlyList<string> Outcomes(JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties["escalateAfter"] is null ? [Approved, Rejected, ChangesRequested] : [Approved, Rejected, ChangesRequested, TimedOut];
    }

    public static string TaskVariable(string activityId) => $"task.{activityId}";

    public override IReadOnlyList<ActivityField> Fields =>
    [
        new("assignees", ActivityFieldKind.Assignees, T["Who decides"]) { Required = true },
        new("escalateAfter", ActivityFieldKind.Duration, T["Escalate after (such as 48h; empty: never)"]) { InputId = "escalate" },
    ];

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Services.GetRequiredService<WorkflowsDbContext>();
        ModerationTask? task = null;
        if (context.Variables[TaskVariable(context.Activity.Id)] is JsonValue existing && existing.TryGetValue<long>(out var existingId))
        {
            task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == existingId && t.Status == Models.TaskStatus.Open, cancellationToken);
        }

        if (task is null)
        {
            task = await CreateTaskAsync(context, db, cancellationToken);
        }

        var timer = context.Properties["escalateAfter"] is JsonValue after && task.EscalationCount == 0
            ? Bookmarks.ForTimer(task.CreatedUtc + Durations.Parse(after.GetValue<string>()))
            : null;
        return timer is null ? ActivityResult.Wait(Bookmarks.ForTask(task.Id)) : ActivityResult.Wait(Bookmarks.ForTask(task.Id), timer);
    }

    public override Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Kind == BookmarkKinds.Timer)
        {
            return Task.FromResult(ActivityResult.Outcome(TimedOut, "no decision in time"));
        }

        context.Variables["decision.outcome"] = input.Outcome;
        context.Variables["decision.reason"] = input.Reason;
        context.Variables["decision.by"] = input.ActorId;
        return Task.FromResult(ActivityResult.Outcome(input.Outcome!, input.Reason));
    }

    private static async Task<ModerationTask> CreateTaskAsync(ActivityContext context, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var subjectType = context.Text("subject.type");
        var subjectId = context.Text("subject.id");
        if (subjectType.Length == 0 || subjectId.Length == 0)
        {
            throw new InvalidOperationException("The workflow has no subject to approve (its start event gives no subject.type and subject.id).");
        }

        var groupId = long.TryParse(context.Text("subject.groupId"), out var parsedGroup) ? parsedGroup : (long?)null;
        var assignees = await AssigneeSpecs.ResolveAsync(context, context.Properties["assignees"]!.AsArray(), groupId, cancellationToken);
        if (assignees.Count == 0)
        {
            throw new InvalidOperationException("Nobody to assign the approval to: the subject is in no group and no role or person is named.");
        }

        var summary = context.Text("subject.summary");
        var task = new ModerationTask
        {
            InstanceId = context.Instance.Id,
            ActivityId = context.Activity.Id,
            SubjectType = subjectType,
            SubjectId = subjectId,
            GroupId = groupId,
            AuthorId = context.Text("subject.authorId"),
            Summary = summary.Length > 500 ? summary[..500] : summary,
            Status = Models.TaskStatus.Open,
            CreatedUtc = context.NowUtc,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        var rows = assignees.Select(a => new TaskAssignee { TaskId = task.Id, Kind = a.Kind, Value = a.Value }).ToList();
        db.Assignees.AddRange(rows);
        db.Log.Add(new ModerationLogEntry { AtUtc = context.NowUtc, ActorId = "", Action = "held", SubjectType = subjectType, SubjectId = subjectId, GroupId = groupId, Reason = context.Definition.Name });
        await db.SaveChangesAsync(cancellationToken);
        context.Variables[TaskVariable(context.Activity.Id)] = task.Id;
        await context.Services.GetRequiredService<IEventBus>().PublishAsync(new WorkflowTaskAssigned(task.Id, subjectType, subjectId, task.Summary, rows, IsEscalation: false), cancellationToken);
        return task;
    }
}
