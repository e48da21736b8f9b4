using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Models;

namespace InternalSocial.Notifications.Services;

/// <summary>The organisation's defaults: a channel per kind, and the local hour of the digests (in each person's time zone).</summary>
internal sealed class NotificationDefaults
{
    public const string DocumentId = "Notifications.Defaults";

    public Dictionary<string, NotificationChannel> Channels { get; set; } = [];

    public int DigestHour { get; set; } = 8;
}

/// <summary>The kinds the enabled modules contribute, and the channel each person gets for each.</summary>
internal sealed class NotificationKinds(IEnumerable<INotificationKindProvider> providers, DocumentStore documents)
{
    private IReadOnlyDictionary<string, NotificationKind>? _kinds;

    public IReadOnlyDictionary<string, NotificationKind> All =>
        _kinds ??= providers.SelectMany(p => p.GetKinds()).ToDictionary(k => k.Key, StringComparer.Ordinal);

    public NotificationKind Get(string key) =>
        All.TryGetValue(key, out var kind) ? kind : throw new NotFoundException($"Unknown notification kind '{key}'.");

    public async Task<NotificationDefaults> GetDefaultsAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync<NotificationDefaults>(NotificationDefaults.DocumentId, cancellationToken) ?? new NotificationDefaults();

    public Task SaveDefaultsAsync(NotificationDefaults defaults, CancellationToken cancellationToken) =>
        documents.SaveAsync(NotificationDefaults.DocumentId, defaults, cancellationToken);

    /// <summary>The person's choice, else the organisation's default, else the kind's; a mandatory kind is never off.</summary>
    public static NotificationChannel Effective(NotificationKind kind, NotificationChannel? personal, NotificationDefaults defaults)
    {
        var channel = personal ?? (defaults.Channels.TryGetValue(kind.Key, out var organisation) ? organisation : kind.DefaultChannel);
        return kind.IsMandatory && channel == NotificationChannel.Off ? NotificationChannel.InApp : channel;
    }
}
