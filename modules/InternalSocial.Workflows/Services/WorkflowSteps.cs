using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>What the engine does around each activity it runs: its context, its failure, its history and where it leads.</summary>
internal static class WorkflowSteps
{
    /// <summary>Records the activity in the history and returns where to go next (null: the instance waits or is finished).</summary>
    public static string? Follow(WorkflowsDbContext scoped, WorkflowInstance instance, WorkflowDefinition definition, ActivityDefinition activity, ActivityResult result, string? actorId, DateTime now)
    {
        scoped.History.Add(new WorkflowHistoryEntry
        {
            InstanceId = instance.Id,
            ActivityId = activity.Id,
            ActivityType = activity.Type,
            Outcome = result.OutcomeName ?? "waiting",
            ActorId = actorId,
            Note = result.Note?.Length > 2000 ? result.Note[..2000] : result.Note,
            AtUtc = now,
        });
        if (result.OutcomeName is null)
        {
            foreach (var bookmark in result.Bookmarks)
            {
                scoped.Bookmarks.Add(new WorkflowBookmark
                {
                    InstanceId = instance.Id,
                    ActivityId = activity.Id,
                    Kind = bookmark.Kind,
                    EventName = bookmark.EventName,
                    CorrelationKey = bookmark.CorrelationKey,
                    TaskId = bookmark.TaskId,
                    DueUtc = bookmark.DueUtc,
                });
            }

            instance.Status = WorkflowStatus.Waiting;
            instance.ActivityId = activity.Id;
            return null;
        }

        var next = definition.Next(activity.Id, result.OutcomeName);
        if (next is null)
        {
            instance.Status = WorkflowStatus.Finished;
            instance.ActivityId = null;
        }

        return next;
    }

    /// <summary>An activity's failure faults the instance, whatever it is (even a conflict or a missing row in another module).</summary>
    public static async Task<ActivityResult> Guard(ActivityDefinition activity, Func<Task<ActivityResult>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ActivityFailedException(activity.Id, exception);
        }
    }

    public static IActivity Resolve(ActivityRegistry registry, ActivityDefinition activity) =>
        registry.Find(activity.Type) ?? throw new InvalidOperationException($"Activity type '{activity.Type}' is not available: the feature that provides it is off.");

    public static ActivityContext Context(WorkflowInstance instance, WorkflowDefinition definition, ActivityDefinition activity, JsonObject variables, IServiceProvider services, DateTime now, string? actorId) =>
        new() { Instance = instance, Definition = definition, Activity = activity, Variables = variables, Services = services, NowUtc = now, ActorId = actorId };

    public static WorkflowInstance Copy(WorkflowInstance source) => new()
    {
        Id = source.Id,
        WorkflowId = source.WorkflowId,
        Version = source.Version,
        Status = source.Status,
        CorrelationKey = source.CorrelationKey,
        ActivityId = source.ActivityId,
        VariablesJson = source.VariablesJson,
        CreatedUtc = source.CreatedUtc,
        UpdatedUtc = source.UpdatedUtc,
    };
}
