namespace InternalSocial.Feed.Services;

/// <summary>Signals that the feed changed (a post published, deleted or restored), without saying what.</summary>
internal interface IFeedChangeNotifier
{
    Task FeedChangedAsync(CancellationToken cancellationToken);
}
