namespace InternalSocial.Workflows.Models;

public enum TaskStatus
{
    Open = 0,
    Approved = 1,
    Rejected = 2,
    ChangesRequested = 3,
    Cancelled = 4,
}

/// <summary>A human task of an approval activity: what a moderator decides.</summary>
public sealed class ModerationTask
{
    public long Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>What it is about ("post") and which one, as the module owning it names them.</summary>
    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    /// <summary>The group the content lives in, for the queue's filter; null outside groups.</summary>
    public long? GroupId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>A plain-text excerpt shown in the queue.</summary>
    public string Summary { get; set; } = "";

    public TaskStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? Reason { get; set; }

    public int EscalationCount { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public static class AssigneeKinds
{
    /// <summary>Everyone holding a role (value: the role name).</summary>
    public const string Role = "role";

    /// <summary>One person (value: the user id).</summary>
    public const string User = "user";

    /// <summary>The moderators of a group (value: the group id).</summary>
    public const string Group = "group";
}

/// <summary>Who may decide a task: one row per role, person or group.</summary>
public sealed class TaskAssignee
{
    public long TaskId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}

/// <summary>Who did what to which content, when and why: the moderation log.</summary>
public sealed class ModerationLogEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Empty for the system (a workflow acting on its own).</summary>
    public string ActorId { get; set; } = "";

    public required string Action { get; set; }

    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    public long? GroupId { get; set; }

    public string? Reason { get; set; }
}

/// <summary>An employee's report of a post or comment (one per person and content).</summary>
public sealed class ContentReport
{
    public long Id { get; set; }

    public required string ContentType { get; set; }

    public required string ContentId { get; set; }

    public long? GroupId { get; set; }

    /// <summary>The content's author and an excerpt, as when it was reported (for the moderators' list).</summary>
    public string AuthorId { get; set; } = "";

    public string Summary { get; set; } = "";

    public required string ReporterId { get; set; }

    /// <summary>The key of one of the organisation's report reasons.</summary>
    public required string Reason { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A reason employees can give when they report content; labels per language.</summary>
public sealed class ReportReason
{
    public string Key { get; set; } = "";

    public Dictionary<string, string> Labels { get; set; } = [];
}

public sealed class ModerationSettings
{
    public const string DocumentId = "Workflows.Moderation";

    public List<ReportReason> ReportReasons { get; set; } = [];

    public static ModerationSettings Default => new()
    {
        ReportReasons =
        [
            new() { Key = "harassment", Labels = new() { ["en"] = "Harassment or hate", ["fr"] = "Harcèlement ou haine" } },
            new() { Key = "confidential", Labels = new() { ["en"] = "Confidential information", ["fr"] = "Information confidentielle" } },
            new() { Key = "spam", Labels = new() { ["en"] = "Spam or advertising", ["fr"] = "Spam ou publicité" } },
            new() { Key = "inappropriate", Labels = new() { ["en"] = "Inappropriate content", ["fr"] = "Contenu inapproprié" } },
            new() { Key = "other", Labels = new() { ["en"] = "Something else", ["fr"] = "Autre chose" } },
        ],
    };
}
