using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Events;
using InternalSocial.Users.Services;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Workflows.Activities;

/// <summary>
/// <c>{ "type": "approval", "properties": { "assignees": [ { "groupModerators": true }, { "role": "Moderator" } ], "escalateAfter": "48h" } }</c>.
/// Creates a moderation task about the instance's subject (the facts <c>subject.type</c>, <c>subject.id</c>…) and waits
/// for a decision: outcome "approved", "rejected" or "changesRequested" (the decision is kept in <c>decision.*</c>). With
/// <c>escalateAfter</c>, the outcome "timedOut" follows when nobody decided in time (once; the task stays open, so an
/// <c>escalate</c> activity can reassign it and come back here).
/// </summary>
public sealed class ApprovalActivity : TaskActivity
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

    public override Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        AssigneeSpecs.Validate(validation, "assignees");
        Durations.Validate(validation, "escalateAfter", required: false);
        return Task.CompletedTask;
    }

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

/// <summary>
/// <c>{ "type": "escalate", "properties": { "task": "approve", "assignees": [ { "role": "CommunicationDirector" } ] } }</c>:
/// reassigns the open task of the approval activity <c>task</c> and tells the new assignees; outcome "done" (lead it back
/// to the approval activity to wait for the decision again).
/// </summary>
public sealed class EscalateActivity : TaskActivity
{
    public override string Type => "escalate";

    public override string DisplayName => "Escalate a task";

    public override Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        AssigneeSpecs.Validate(validation, "assignees");
        var task = validation.Properties["task"];
        if (task is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            validation.Error("task", validation.T["is required: the id of the approval activity whose task is escalated."]);
        }
        else if (validation.Definition.Activity(value.GetValue<string>()) is not { Type: "approval" })
        {
            validation.Error("task", validation.T["there is no approval activity '{0}' in this workflow.", value.GetValue<string>()]);
        }

        return Task.CompletedTask;
    }

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

/// <summary>
/// Who a task goes to, as written in definitions: <c>{ "role": "Moderator" }</c>, <c>{ "user": "alice" }</c> (a user
/// name), <c>{ "groupModerators": true }</c> (the subject's group), <c>{ "fact": "post.authorId" }</c> (a user id).
/// </summary>
public static class AssigneeSpecs
{
    public static void Validate(ActivityValidation validation, string field)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (validation.Properties[field] is not JsonArray list || list.Count == 0 || list.Count > 20)
        {
            validation.Error(field, validation.T["is required: a list of 1 to 20 assignees such as { \"role\": \"Moderator\" }, { \"user\": \"alice\" }, { \"groupModerators\": true }."]);
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{field}[{i}]";
            if (list[i] is not JsonObject spec || spec.Count != 1)
            {
                validation.Error(path, validation.T["must be an object with exactly one of role, user, groupModerators, fact."]);
                continue;
            }

            var (key, value) = spec.First();
            var problem = key switch
            {
                "role" or "user" when value is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Trim().Length is 0 or > 100 => validation.T["must be a name of 1 to 100 characters."],
                "groupModerators" when value?.GetValueKind() != JsonValueKind.True => validation.T["must be true."],
                "groupModerators" when !validation.AssigneeKinds.Contains(AssigneeKinds.Group) =>
                    validation.T["needs the feature 'Group moderators in workflows' (InternalSocial.Groups.Workflows), which is off: nobody would see the task."],
                "fact" when value is not JsonValue fact || fact.GetValueKind() != JsonValueKind.String || !validation.KnownFacts.Contains(fact.GetValue<string>()) =>
                    validation.T["must name a known fact holding a user id; known: {0}.", string.Join(", ", validation.KnownFacts.Order(StringComparer.Ordinal))],
                "role" or "user" or "groupModerators" or "fact" => null,
                _ => validation.T["unknown assignee '{0}'; use role, user, groupModerators or fact.", key],
            };
            if (problem is not null)
            {
                validation.Error($"{path}.{key}", problem);
            }
        }
    }

    public static async Task<List<(string Kind, string Value)>> ResolveAsync(ActivityContext context, JsonArray specs, long? groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(specs);
        var resolved = new List<(string Kind, string Value)>();
        var userNames = new List<string>();
        foreach (var spec in specs.OfType<JsonObject>())
        {
            var (key, value) = spec.First();
            switch (key)
            {
                case "role":
                    resolved.Add((AssigneeKinds.Role, value!.GetValue<string>().Trim()));
                    break;
                case "user":
                    userNames.Add(value!.GetValue<string>().Trim());
                    break;
                case "groupModerators" when groupId is not null:
                    resolved.Add((AssigneeKinds.Group, groupId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case "fact" when context.Text(value!.GetValue<string>()) is { Length: > 0 } userId:
                    resolved.Add((AssigneeKinds.User, userId));
                    break;
            }
        }

        if (userNames.Count > 0)
        {
            var people = await context.Services.GetRequiredService<IPeopleLookup>().GetByUserNamesAsync(userNames, cancellationToken);
            resolved.AddRange(people.Values.Where(p => p.IsActive).Select(p => (AssigneeKinds.User, p.Id)));
        }

        return [.. resolved.Distinct()];
    }
}
