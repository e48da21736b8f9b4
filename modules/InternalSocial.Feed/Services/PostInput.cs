using System.Text.Json.Serialization;
using InternalSocial.Feed.Abstractions;

namespace InternalSocial.Feed.Services;

/// <param name="Addons">The composer's add-on fields, by add-on key (pages only).</param>

internal sealed record PostInput(
    string? Body,
    IReadOnlyList<string>? Tags = null,
    AudienceInput? Audience = null,
    DateTime? PublishAt = null,
    DateTime? ExpiresAt = null,
    IReadOnlyList<long>? Attachments = null,
    bool Announcement = false,
    bool RequireAcknowledgement = false,
    DateTime? PinUntil = null,
    [property: JsonIgnore] IReadOnlyDictionary<string, PostAddonFields>? Addons = null);
