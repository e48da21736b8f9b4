using InternalSocial.Feed.Services;
using Microsoft.AspNetCore.SignalR;

namespace InternalSocial.Feed.Hubs;

internal sealed class HubFeedChangeNotifier(IHubContext<FeedHub> hub) : IFeedChangeNotifier
{
    public Task FeedChangedAsync(CancellationToken cancellationToken) => hub.Clients.All.SendAsync(FeedHub.ChangedMessage, cancellationToken);
}
