using System.Text.Json;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// A run that failed, saved in a transaction of its own after the run's was rolled back: the instance is faulted, with
/// the activity that failed, the error and what <see cref="WorkflowEngine.RetryAsync"/> runs again.
/// </summary>
internal sealed record WorkflowFault(string InstanceId, string? ActivityId, string? ActivityType, string? ActorId, string Error, RetryPlan Retry)
{
    /// <param name="newInstance">The instance a failed start was creating (rolled back with its run), saved here; null for a stored one.</param>
    public async Task SaveAsync(WorkflowsDbContext db, WorkflowInstance? newInstance, DateTime now, CancellationToken cancellationToken)
    {
        var instance = newInstance is not null ? WorkflowSteps.Copy(newInstance) : await db.Instances.FirstAsync(i => i.Id == InstanceId, cancellationToken);
        if (newInstance is not null)
        {
            db.Instances.Add(instance);
        }

        instance.Status = WorkflowStatus.Faulted;
        instance.ActivityId = ActivityId;
        instance.Error = Error.Length > 2000 ? Error[..2000] : Error;
        instance.RetryJson = JsonSerializer.Serialize(Retry);
        instance.UpdatedUtc = now;
        instance.Revision++;
        await db.Bookmarks.Where(b => b.InstanceId == InstanceId).ExecuteDeleteAsync(cancellationToken);
        db.History.Add(new WorkflowHistoryEntry { InstanceId = InstanceId, ActivityId = instance.ActivityId ?? "", ActivityType = ActivityType ?? "", Outcome = "faulted", ActorId = ActorId, AtUtc = now, Note = instance.Error });
        await db.SaveChangesAsync(cancellationToken);
    }
}
