namespace InternalSocial.Feed.Abstractions;

/// <summary>
/// A post as another module quotes it. <paramref name="IsPublished"/> is false for a post waiting for approval, refused
/// or deleted; a published one may still be scheduled (<paramref name="PublishedUtc"/> ahead) or expired. A post of a
/// group has <paramref name="GroupId"/>; one for some departments or sites only is not <paramref name="AudienceEveryone"/>.
/// <paramref name="AuthorId"/> lets a module leave what is attached to a post to its author (a poll).
/// </summary>
public sealed record PostExcerpt(
    long Id,
    string AuthorName,
    string Html,
    string Body,
    bool IsPublished,
    DateTime PublishedUtc,
    DateTime? ExpiresUtc,
    long? GroupId,
    string? GroupName,
    bool AudienceEveryone,
    string AuthorId);
