using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Notifications.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.NotificationsBridge;

/// <summary>Which posts a person may still open: the feed's own visibility rules, as that person.</summary>
internal sealed class PostNotificationVisibility(FeedReaderResolver readers, PostVisibility visibility) : INotificationVisibility
{
    public string ResourceType => FeedNotificationKinds.ResourceType;

    public async Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken)
    {
        var ids = resourceIds.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0).Where(id => id > 0).ToList();
        var reader = await readers.GetAsync(user, cancellationToken);
        var visible = await visibility.Openable(reader).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var hidden = ids.Except(visible).ToList();
        if (hidden.Count > 0)
        {
            // A post sent to several groups at once is told about once, by its first copy: another copy still shows it.
            visible.AddRange((await visibility.OpenableCopiesAsync(reader, hidden, cancellationToken)).Keys);
        }

        return visible.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
    }
}
