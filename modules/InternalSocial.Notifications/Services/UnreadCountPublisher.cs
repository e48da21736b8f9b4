using InternalSocial.Notifications.Hubs;
using InternalSocial.Notifications.Models;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Notifications.Services;

/// <summary>Pushes each person's new unread count to their open pages. Only a number travels on the live connection, never content.</summary>
internal sealed class UnreadCountPublisher(NotificationsDbContext db, IHubContext<NotificationsHub> hub)
{
    public const string UnreadMethod = "unread";

    public async Task PublishAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var counts = await db.Items.AsNoTracking()
            .Where(n => userIds.Contains(n.UserId) && n.ReadUtc == null)
            .GroupBy(n => n.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
        foreach (var userId in userIds)
        {
            await hub.Clients.User(userId).SendAsync(UnreadMethod, counts.GetValueOrDefault(userId), cancellationToken);
        }
    }
}

/// <summary>Part of the "Notifications by e-mail" feature: turns notifications into mails.</summary>
internal interface INotificationMailer
{
    Task SendImmediatelyAsync(IReadOnlyList<(Notification Notification, System.Globalization.CultureInfo Culture)> notifications, IReadOnlyDictionary<string, Users.Abstractions.PersonContact> contacts, CancellationToken cancellationToken);
}
