namespace InternalSocial.Feed.Services;

internal sealed record PostInput(
    string? Body,
    IReadOnlyList<string>? Tags = null,
    AudienceInput? Audience = null,
    DateTime? PublishAt = null,
    DateTime? ExpiresAt = null,
    IReadOnlyList<long>? Attachments = null,
    bool Announcement = false,
    bool RequireAcknowledgement = false,
    DateTime? PinUntil = null);
