using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Shells;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Feed.BackgroundTasks;

/// <summary>Writes the queued views at every background tick.</summary>
public sealed class ViewFlushTask(PendingViews views, FeedDbContext db) : IBackgroundTask
{
    public TimeSpan Interval => TimeSpan.FromSeconds(5);

    public Task RunAsync(CancellationToken cancellationToken) => views.FlushAsync(db, cancellationToken);
}
