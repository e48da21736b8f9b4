using InternalSocial.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Workflows.Services;

/// <summary>For the modules whose content waits in the moderation queue: keep what the queue shows of it current.</summary>
public interface IModerationTaskSubjects
{
    /// <summary>The open tasks about this content show <paramref name="summary"/>: the moderator decides on the current text.</summary>
    Task UpdateSummaryAsync(string subjectType, string subjectId, string summary, CancellationToken cancellationToken);
}

internal sealed class ModerationTaskSubjects(WorkflowsDbContext db) : IModerationTaskSubjects
{
    public async Task UpdateSummaryAsync(string subjectType, string subjectId, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = summary.Length > 500 ? summary[..500] : summary;
        await db.Tasks.Where(t => t.SubjectType == subjectType && t.SubjectId == subjectId && t.Status == Models.TaskStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Summary, text), cancellationToken);
    }
}
