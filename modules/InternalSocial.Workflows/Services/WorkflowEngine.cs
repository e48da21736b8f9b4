using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// Runs workflow instances. Each run (a start, a resume, a retry) is one database transaction shared by every module
/// it touches: either all its activities' effects are saved, or none and the instance is marked faulted with what to
/// run again. A run inside another transaction (a recipe, a run triggering another) uses a savepoint instead.
/// </summary>
internal sealed class WorkflowEngine(
    IServiceScopeFactory scopes,
    TenantDatabase database,
    WorkflowsDbContext db,
    WorkflowDefinitionStore definitions,
    TimeProvider clock,
    ILogger<WorkflowEngine> logger) : IWorkflowEngine
{
    public const int MaxStepsPerRun = 200;

    private readonly WorkflowTransactions _transactions = new(scopes, database);

    public async Task TriggerAsync(string eventName, string correlationKey, IReadOnlyDictionary<string, JsonNode?> facts, CancellationToken cancellationToken) =>
        await TriggerAsync(eventName, correlationKey, facts, await MatchingStartsAsync(eventName, facts, cancellationToken), cancellationToken);

    public async Task TriggerAsync(string eventName, string correlationKey, IReadOnlyDictionary<string, JsonNode?> facts, IReadOnlyList<WorkflowStart> starts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(starts);
        var waiting = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKinds.Event && b.EventName == eventName && b.CorrelationKey == correlationKey)
            .Select(b => new { b.Id, b.InstanceId, b.ActivityId })
            .ToListAsync(cancellationToken);
        foreach (var bookmark in waiting)
        {
            var input = new ResumeInput { Kind = BookmarkKinds.Event, Facts = facts };
            try
            {
                await ResumeAsync(bookmark.InstanceId, bookmark.ActivityId, input, actorId: null, claim: ClaimBookmark(bookmark.Id), cancellationToken);
            }
            catch (ConflictException)
            {
                // The same event arrived twice at once: the other delivery resumed the instance.
            }
        }

        foreach (var start in starts)
        {
            await StartAsync(start, correlationKey, facts, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<WorkflowStart>> MatchingStartsAsync(string eventName, IReadOnlyDictionary<string, JsonNode?> facts, CancellationToken cancellationToken)
    {
        var types = await db.Types.AsNoTracking().Where(t => t.StartEvent == eventName && t.Enabled).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var starts = new List<WorkflowStart>();
        foreach (var type in types)
        {
            var definition = await definitions.GetVersionAsync(type.Id, type.Version, cancellationToken);
            if (Conditions.Evaluate(definition.Activity(definition.Start)!.Properties["condition"], name => facts.GetValueOrDefault(name)))
            {
                starts.Add(new WorkflowStart(type.Id, type.Version, definition));
            }
        }

        return starts;
    }

    /// <summary>Resumes what waits on a task, once its decision is claimed by <paramref name="claim"/> (which throws <see cref="ConflictException"/> when someone decided first).</summary>
    public Task<WorkflowStatus> ResumeTaskAsync(string instanceId, string activityId, ResumeInput input, Func<IServiceProvider, CancellationToken, Task> claim, CancellationToken cancellationToken) =>
        ResumeAsync(instanceId, activityId, input, input.ActorId, claim, cancellationToken);

    /// <summary>Resumes the instances whose timers are due; each timer is claimed, so two nodes never fire it twice.</summary>
    public async Task<int> RunDueTimersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKinds.Timer && b.DueUtc <= now)
            .OrderBy(b => b.DueUtc)
            .Select(b => new { b.Id, b.InstanceId, b.ActivityId })
            .Take(500)
            .ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var bookmark in due)
        {
            try
            {
                await ResumeAsync(bookmark.InstanceId, bookmark.ActivityId, new ResumeInput { Kind = BookmarkKinds.Timer }, actorId: null, ClaimBookmark(bookmark.Id), cancellationToken);
                fired++;
            }
            catch (ConflictException)
            {
                // Another node fired it, or the instance moved on.
            }
        }

        return fired;
    }

    /// <summary>Runs a faulted instance again from what failed: the same start, or the same resume with the same input.</summary>
    public async Task<WorkflowStatus> RetryAsync(string instanceId, string? actorId, CancellationToken cancellationToken)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new NotFoundException($"No workflow instance with id {instanceId}.");
        if (instance.Status != WorkflowStatus.Faulted || instance.RetryJson is null)
        {
            throw new ConflictException($"The instance is {instance.Status}, not faulted: there is nothing to retry.");
        }

        var retry = JsonSerializer.Deserialize<RetryPlan>(instance.RetryJson)!;
        Func<IServiceProvider, CancellationToken, Task> claim = async (services, token) =>
        {
            var claimed = await services.GetRequiredService<WorkflowsDbContext>().Instances
                .Where(i => i.Id == instanceId && i.Status == WorkflowStatus.Faulted && i.Revision == instance.Revision)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowStatus.Waiting).SetProperty(i => i.Revision, i => i.Revision + 1), token);
            if (claimed == 0)
            {
                throw new ConflictException("Someone retried this instance already.");
            }
        };

        return retry.ActivityId is null
            ? await RunGuardedAsync(instanceId, null, null, actorId, claim, isStart: true, cancellationToken)
            : await RunGuardedAsync(instanceId, retry.ActivityId, retry.ToInput(), actorId, claim, isStart: false, cancellationToken);
    }

    private async Task StartAsync(WorkflowStart start, string correlationKey, IReadOnlyDictionary<string, JsonNode?> facts, CancellationToken cancellationToken)
    {
        var definition = start.Definition;
        var variables = new JsonObject();
        foreach (var (key, value) in facts)
        {
            variables[key] = value?.DeepClone();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid().ToString("D"),
            WorkflowId = start.WorkflowId,
            Version = start.Version,
            Status = WorkflowStatus.Running,
            CorrelationKey = correlationKey,
            VariablesJson = variables.ToJsonString(),
            CreatedUtc = now,
            UpdatedUtc = now,
        };

        // The instance is created by the run itself, so that a failed run leaves nothing but the faulted record.
        Func<IServiceProvider, CancellationToken, Task> create = async (services, token) =>
        {
            var scoped = services.GetRequiredService<WorkflowsDbContext>();
            scoped.Instances.Add(WorkflowSteps.Copy(instance));
            scoped.History.Add(new WorkflowHistoryEntry { InstanceId = instance.Id, ActivityId = definition.Start, ActivityType = definition.Activity(definition.Start)!.Type, Outcome = ActivityOutcomes.Done, AtUtc = now, Note = "started" });
            await scoped.SaveChangesAsync(token);
        };
        await RunGuardedAsync(instance.Id, null, null, null, create, isStart: true, cancellationToken, newInstance: instance);
    }

    private Task<WorkflowStatus> ResumeAsync(string instanceId, string activityId, ResumeInput input, string? actorId, Func<IServiceProvider, CancellationToken, Task> claim, CancellationToken cancellationToken) =>
        RunGuardedAsync(instanceId, activityId, input, actorId, claim, isStart: false, cancellationToken);

    private static Func<IServiceProvider, CancellationToken, Task> ClaimBookmark(long bookmarkId) => async (services, token) =>
    {
        var deleted = await services.GetRequiredService<WorkflowsDbContext>().Bookmarks.Where(b => b.Id == bookmarkId).ExecuteDeleteAsync(token);
        if (deleted == 0)
        {
            throw new ConflictException("This bookmark was resumed already.");
        }
    };

    /// <summary>
    /// One run in one transaction. When an activity throws, the transaction is rolled back, then, in a new one, the
    /// claim is made again (a moderator's decision is kept) and the instance is saved as faulted with what to retry.
    /// </summary>
    private async Task<WorkflowStatus> RunGuardedAsync(string instanceId, string? resumeActivityId, ResumeInput? input, string? actorId,
        Func<IServiceProvider, CancellationToken, Task> claim, bool isStart, CancellationToken cancellationToken, WorkflowInstance? newInstance = null)
    {
        var run = new WorkflowRunState();
        try
        {
            return await _transactions.RunAsync(async services =>
            {
                await claim(services, cancellationToken);
                return await RunAsync(services, instanceId, resumeActivityId, input, actorId, isStart, run, cancellationToken);
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ConflictException or NotFoundException))
        {
            logger.LogError(exception, "Workflow instance {Instance} faulted in activity {Activity}.", instanceId, run.ActivityId);
            var retry = new RetryPlan(resumeActivityId, input?.Kind, input?.Outcome, input?.Reason, input?.ActorId,
                input?.Facts.ToDictionary(p => p.Key, p => p.Value?.ToJsonString()));
            var error = exception is ActivityFailedException failed ? $"{failed.ActivityId}: {failed.Message}" : $"{run.ActivityId ?? resumeActivityId}: {exception.GetType().Name}: {exception.Message}";
            await _transactions.RunAsync(async services =>
            {
                if (newInstance is null)
                {
                    await claim(services, cancellationToken);
                }

                var fault = new WorkflowFault(instanceId, run.ActivityId ?? resumeActivityId, run.ActivityType, actorId, error, retry);
                await fault.SaveAsync(services.GetRequiredService<WorkflowsDbContext>(), newInstance, clock.GetUtcNow().UtcDateTime, cancellationToken);
                return 0;
            }, cancellationToken);
            return WorkflowStatus.Faulted;
        }
    }

    private async Task<WorkflowStatus> RunAsync(IServiceProvider services, string instanceId, string? resumeActivityId, ResumeInput? input, string? actorId, bool isStart, WorkflowRunState run, CancellationToken cancellationToken)
    {
        var scoped = services.GetRequiredService<WorkflowsDbContext>();
        var registry = services.GetRequiredService<ActivityRegistry>();
        var instance = await scoped.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new NotFoundException($"No workflow instance with id {instanceId}.");
        if (!isStart && instance.Status != WorkflowStatus.Waiting)
        {
            throw new ConflictException($"The workflow instance is {instance.Status}, not waiting.");
        }

        var definition = await definitions.GetVersionAsync(instance.WorkflowId, instance.Version, cancellationToken);
        var variables = JsonNode.Parse(instance.VariablesJson) as JsonObject ?? [];
        var now = clock.GetUtcNow().UtcDateTime;
        instance.Status = WorkflowStatus.Running;
        await scoped.Bookmarks.Where(b => b.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);

        var next = await FirstStepAsync(services, instance, definition, variables, resumeActivityId, input, actorId, run, now, cancellationToken);
        var steps = 0;
        while (next is not null)
        {
            if (++steps > MaxStepsPerRun)
            {
                throw new InvalidOperationException($"More than {MaxStepsPerRun} activities ran without waiting.");
            }

            var activity = definition.Activity(next)!;
            var type = WorkflowSteps.Resolve(registry, activity);
            run.Enter(activity);
            var result = await WorkflowSteps.Guard(activity, () => type.ExecuteAsync(WorkflowSteps.Context(instance, definition, activity, variables, services, now, actorId), cancellationToken));
            next = WorkflowSteps.Follow(scoped, instance, definition, activity, result, actorId, now);
        }

        instance.VariablesJson = variables.ToJsonString();
        instance.RetryJson = null;
        instance.Error = null;
        instance.UpdatedUtc = now;
        instance.Revision++;
        try
        {
            await scoped.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The workflow instance was changed by someone else at the same time.");
        }

        return instance.Status;
    }

    /// <summary>Resumes the activity that waited, or leaves the start event; returns the activity that comes next.</summary>
    private static async Task<string?> FirstStepAsync(IServiceProvider services, WorkflowInstance instance, WorkflowDefinition definition, JsonObject variables,
        string? resumeActivityId, ResumeInput? input, string? actorId, WorkflowRunState run, DateTime now, CancellationToken cancellationToken)
    {
        if (resumeActivityId is null)
        {
            var next = definition.Next(definition.Start, ActivityOutcomes.Done);
            if (next is null)
            {
                instance.Status = WorkflowStatus.Finished;
            }

            return next;
        }

        var activity = definition.Activity(resumeActivityId) ?? throw new InvalidOperationException($"Activity '{resumeActivityId}' is not in version {instance.Version} of workflow '{instance.WorkflowId}'.");
        var type = WorkflowSteps.Resolve(services.GetRequiredService<ActivityRegistry>(), activity);
        run.Enter(activity);
        var result = await WorkflowSteps.Guard(activity, () => type.ResumeAsync(WorkflowSteps.Context(instance, definition, activity, variables, services, now, actorId), input!, cancellationToken));
        return WorkflowSteps.Follow(services.GetRequiredService<WorkflowsDbContext>(), instance, definition, activity, result, actorId ?? input!.ActorId, now);
    }
}
