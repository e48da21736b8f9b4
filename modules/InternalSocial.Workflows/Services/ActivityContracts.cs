using System.Text.Json.Nodes;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// One kind of step a workflow can take, contributed by a module: an event that starts or resumes a workflow, or a
/// task that does something and ends with an outcome ("approved", "true", "done") or waits.
/// </summary>
public interface IActivity
{
    /// <summary>The type name used in definitions: "approval", "feed.publishPost".</summary>
    string Type { get; }

    string DisplayName { get; }

    /// <summary>Events start workflows (as their start activity) or wait for something to happen.</summary>
    bool IsEvent { get; }

    /// <summary>Whether the activity can make the instance wait: a cycle of transitions must contain one.</summary>
    bool CanWait { get; }

    /// <summary>The outcomes this activity can end with, given its properties.</summary>
    IReadOnlyList<string> Outcomes(JsonObject properties);

    /// <summary>For events: the facts they bring (names a condition may test).</summary>
    IReadOnlyList<string> Facts { get; }

    /// <summary>Checks the properties; report each problem with <see cref="ActivityValidation.Error"/>.</summary>
    Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken);

    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Called when what the activity waited for arrives (a decision, a timer, an event).</summary>
    Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken);
}

/// <summary>Base for activities that do their work and end at once.</summary>
public abstract class TaskActivity : IActivity
{
    public abstract string Type { get; }

    public abstract string DisplayName { get; }

    public bool IsEvent => false;

    public virtual bool CanWait => false;

    public virtual IReadOnlyList<string> Facts => [];

    public virtual IReadOnlyList<string> Outcomes(JsonObject properties) => [ActivityOutcomes.Done];

    public virtual Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    public virtual Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Activity type '{Type}' does not wait.");
}

/// <summary>
/// An event a module raises through <see cref="IWorkflowEngine.TriggerAsync"/>. As a start activity it starts a workflow
/// when its optional <c>condition</c> holds; later in a workflow it waits for the event with the same correlation key.
/// </summary>
public abstract class EventActivity : IActivity
{
    public abstract string Type { get; }

    public abstract string DisplayName { get; }

    public bool IsEvent => true;

    public bool CanWait => true;

    public abstract IReadOnlyList<string> Facts { get; }

    public IReadOnlyList<string> Outcomes(JsonObject properties) => [ActivityOutcomes.Done];

    public virtual Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (validation.Properties["condition"] is { } condition)
        {
            Conditions.Validate(condition, "condition", validation);
        }

        return Task.CompletedTask;
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(ActivityResult.Wait(Bookmarks.ForEvent(Type, context.Instance.CorrelationKey)));
    }

    public Task<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var (key, value) in input.Facts)
        {
            context.Variables[key] = value?.DeepClone();
        }

        return Task.FromResult(ActivityResult.Outcome(ActivityOutcomes.Done));
    }
}

public static class ActivityOutcomes
{
    public const string Done = "done";
}

/// <summary>What an activity ended with: an outcome to follow, or bookmarks to wait on.</summary>
public sealed class ActivityResult
{
    private ActivityResult(string? outcome, IReadOnlyList<BookmarkRequest> bookmarks, string? note)
    {
        OutcomeName = outcome;
        Bookmarks = bookmarks;
        Note = note;
    }

    public string? OutcomeName { get; }

    public IReadOnlyList<BookmarkRequest> Bookmarks { get; }

    /// <summary>Written in the instance's history.</summary>
    public string? Note { get; }

    public static ActivityResult Outcome(string outcome, string? note = null) => new(outcome, [], note);

    public static ActivityResult Wait(params BookmarkRequest[] bookmarks) => new(null, bookmarks, null);
}

public sealed record BookmarkRequest(string Kind, string? EventName = null, string? CorrelationKey = null, long? TaskId = null, DateTime? DueUtc = null);

public static class Bookmarks
{
    public static BookmarkRequest ForEvent(string eventName, string correlationKey) => new(BookmarkKinds.Event, EventName: eventName, CorrelationKey: correlationKey);

    public static BookmarkRequest ForTask(long taskId) => new(BookmarkKinds.Task, TaskId: taskId);

    public static BookmarkRequest ForTimer(DateTime dueUtc) => new(BookmarkKinds.Timer, DueUtc: dueUtc);
}

/// <summary>What resumed a waiting activity.</summary>
public sealed class ResumeInput
{
    /// <summary>One of <see cref="BookmarkKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>For a task: the decision ("approved", "rejected", "changesRequested").</summary>
    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    public string? ActorId { get; init; }

    /// <summary>For an event: the facts it brings.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Facts { get; init; } = new Dictionary<string, JsonNode?>();
}

/// <summary>What an activity sees while it runs.</summary>
public sealed class ActivityContext
{
    public required WorkflowInstance Instance { get; init; }

    public required WorkflowDefinition Definition { get; init; }

    public required ActivityDefinition Activity { get; init; }

    /// <summary>The instance's variables: the starting event's facts and what activities add. Saved with the instance.</summary>
    public required JsonObject Variables { get; init; }

    /// <summary>The services of the run's scope (its database transaction included).</summary>
    public required IServiceProvider Services { get; init; }

    public required DateTime NowUtc { get; init; }

    /// <summary>Who caused this run (a moderator deciding); null for events and timers.</summary>
    public string? ActorId { get; init; }

    public JsonObject Properties => Activity.Properties;

    public JsonNode? Fact(string name) => Variables[name];

    /// <summary>A fact as text ("" when absent), for ids and names.</summary>
    public string Text(string name) => Variables[name] is JsonValue value ? value.ToString() : "";
}

/// <summary>The problems found in one activity's properties, each named with the activity.</summary>
public sealed class ActivityValidation(WorkflowDefinition definition, ActivityDefinition activity, IReadOnlySet<string> knownFacts, IReadOnlySet<string> assigneeKinds, IDictionary<string, string> errors, IStringLocalizer texts)
{
    /// <summary>The Workflows module's texts, for the problems activities report (in the reader's language).</summary>
    public IStringLocalizer T { get; } = texts;

    /// <summary>The kinds of assignee the tenant's features provide (role, user, and group with the Groups bridge).</summary>
    public IReadOnlySet<string> AssigneeKinds { get; } = assigneeKinds;

    public WorkflowDefinition Definition { get; } = definition;

    public ActivityDefinition Activity { get; } = activity;

    public JsonObject Properties => Activity.Properties;

    /// <summary>Facts the workflow's start event brings, plus those activities add.</summary>
    public IReadOnlySet<string> KnownFacts { get; } = knownFacts;

    public void Error(string field, string problem) =>
        errors.TryAdd($"activities.{Activity.Id}.{field}", T["Activity '{0}' ({1}): {2}: {3}", Activity.Id, Activity.Type, field, problem]);
}
