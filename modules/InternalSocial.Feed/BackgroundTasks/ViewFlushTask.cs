using InternalSocial.Feed.Services;
using InternalSocial.Kernel.BackgroundTasks;

namespace InternalSocial.Feed.BackgroundTasks;

/// <summary>Writes the queued views at every background tick.</summary>
internal sealed class ViewFlushTask(PendingViews views, FeedDbContext db) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromSeconds(5);

    public Task RunAsync(CancellationToken cancellationToken) => views.FlushAsync(db, cancellationToken);
}
