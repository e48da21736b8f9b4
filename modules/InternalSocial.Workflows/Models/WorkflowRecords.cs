namespace InternalSocial.Workflows.Models;

/// <summary>A workflow type: its current version and whether new instances start.</summary>
public sealed class WorkflowTypeRecord
{
    public required string Id { get; set; }

    public string Name { get; set; } = "";

    public bool Enabled { get; set; }

    public int Version { get; set; }

    /// <summary>The start activity's type, so an event finds the workflows it starts without reading every definition.</summary>
    public string StartEvent { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>Every saved version of a definition: a running instance keeps the one it started with.</summary>
public sealed class WorkflowVersionRecord
{
    public required string WorkflowId { get; set; }

    public int Version { get; set; }

    public required string Json { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public enum WorkflowStatus
{
    Running = 0,
    Waiting = 1,
    Finished = 2,
    Faulted = 3,
    Cancelled = 4,
}

public sealed class WorkflowInstance
{
    public required string Id { get; set; }

    public required string WorkflowId { get; set; }

    public int Version { get; set; }

    public WorkflowStatus Status { get; set; }

    /// <summary>What the instance is about ("post:42"), to find it from the content.</summary>
    public string CorrelationKey { get; set; } = "";

    /// <summary>The activity it waits in (or failed in).</summary>
    public string? ActivityId { get; set; }

    /// <summary>The facts of the starting event and what activities added (JSON object).</summary>
    public string VariablesJson { get; set; } = "{}";

    /// <summary>For a faulted instance: what to run again on retry (see <see cref="Services.WorkflowEngine"/>).</summary>
    public string? RetryJson { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Optimistic concurrency: every save increments it; a save based on an older value fails.</summary>
    public int Revision { get; set; }
}

public static class BookmarkKinds
{
    public const string Event = "event";
    public const string Task = "task";
    public const string Timer = "timer";
}

/// <summary>What a waiting instance waits for: an event with a correlation key, a human task, or a due time.</summary>
public sealed class WorkflowBookmark
{
    public long Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string Kind { get; set; }

    public string? EventName { get; set; }

    public string? CorrelationKey { get; set; }

    public long? TaskId { get; set; }

    public DateTime? DueUtc { get; set; }
}

/// <summary>One executed activity of an instance: when, by whom, with which outcome.</summary>
public sealed class WorkflowHistoryEntry
{
    public long Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public string? Outcome { get; set; }

    public string? ActorId { get; set; }

    public string? Note { get; set; }

    public DateTime AtUtc { get; set; }
}
