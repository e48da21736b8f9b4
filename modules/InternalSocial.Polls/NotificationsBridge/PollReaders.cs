using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>
/// Of some people, those who may open a poll, for a notification: one read for a group's members (the group's
/// audience) or the organisation's non-guests (a standalone poll); only a post's readers, whom the feed decides, are
/// checked one by one. The notification is checked again, as its reader, when it is shown.
/// </summary>
internal sealed class PollReaders(PollsDbContext db, PollAccess access, IPeopleLookup people, IPeopleContacts contacts, PollNotificationVisibility visibility)
{
    public async Task<IReadOnlyList<string>> AmongAsync(long pollId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var poll = userIds.Count == 0 ? null : await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId, cancellationToken);
        if (poll is null)
        {
            return [];
        }

        var container = PollAccess.ContainerOf(poll);
        if (container is null)
        {
            var found = await people.GetByIdsAsync(userIds, cancellationToken);
            return [.. userIds.Where(id => found.TryGetValue(id, out var person) && !person.IsGuest)];
        }

        if (container.Kind == ContainerKinds.Group && access.Bridge(container.Kind) is { } groups)
        {
            var members = (await groups.AudienceAsync(container, cancellationToken)).ToHashSet();
            return [.. userIds.Where(members.Contains)];
        }

        var readers = new List<string>();
        foreach (var userId in userIds)
        {
            if (await contacts.CreatePrincipalAsync(userId, cancellationToken) is { } person && await visibility.CanOpenAsync(person, pollId, cancellationToken))
            {
                readers.Add(userId);
            }
        }

        return readers;
    }
}
