using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

/// <summary>What the queue page shows; a failed decision comes back with its task, field and message.</summary>
internal sealed class ModerationQueueViewModel
{
    public required TaskPage Page { get; init; }

    public required IReadOnlyList<GroupOption> Groups { get; init; }

    public long? GroupId { get; init; }

    public string? Cursor { get; init; }

    /// <summary>The task a notification link pointed at (<c>?task=</c>), shown first and marked.</summary>
    public TaskView? Highlighted { get; init; }

    /// <summary>Why <c>?task=</c> could not be shown (decided already, or not in this person's queue).</summary>
    public string? HighlightProblem { get; init; }

    public long? ErrorTaskId { get; init; }

    /// <summary>The reason typed before the error, given back so it is not lost.</summary>
    public string? ErrorReason { get; init; }

    public string? ReasonError { get; init; }

    public string? Conflict { get; init; }

    public string? BulkReasonError { get; init; }

    /// <summary>The rules a rejection may cite ("Rule broken"); empty when no module offers rules.</summary>
    public IReadOnlyList<ModerationRule> Rules { get; init; } = [];

    /// <summary>The rule chosen before the error, chosen again.</summary>
    public int? ErrorRule { get; set; }

    public string? RuleError { get; set; }

    public IEnumerable<TaskView> Items => Highlighted is null ? Page.Items : Page.Items.Where(t => t.Id != Highlighted.Id).Prepend(Highlighted);
}
