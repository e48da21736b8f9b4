using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InternalSocial.Notifications.Hubs;

/// <summary>
/// The live connection of a signed-in page. The server only pushes the unread count to the person's own connections
/// (SignalR's user id is the account id); clients call nothing.
/// </summary>
[Authorize]
internal sealed class NotificationsHub : Hub;
