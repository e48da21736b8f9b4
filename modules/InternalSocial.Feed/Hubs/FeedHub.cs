using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InternalSocial.Feed.Hubs;

/// <summary>
/// Tells open feed pages that something changed. It carries no content at all: the page then asks
/// <c>GET /api/v1/feed/new-count</c>, which applies the reader's visibility.
/// </summary>
[Authorize]
internal sealed class FeedHub : Hub
{
    public const string Path = "/hubs/feed";

    public const string ChangedMessage = "feedChanged";
}
