using InternalSocial.Workflows.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Workflows.Services;

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
