using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Services;

/// <summary>A post as a reader sees it, with everything the feed shows around it.</summary>
internal sealed record PostCard(
    long Id,
    PersonView Author,
    string Html,
    string Body,
    PostStatus Status,
    long? GroupId,
    string? GroupName,
    bool AudienceEveryone,
    bool IsAnnouncement,
    bool RequiresAcknowledgement,
    bool AcknowledgedByMe,
    bool IsPinned,
    DateTime PublishedUtc,
    DateTime? ExpiresUtc,
    DateTime? EditedUtc,
    bool IsDeleted,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ReactionCount> Reactions,
    string? MyReaction,
    int CommentCount,
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<AttachmentView> Attachments,
    long? RelayOfPostId,
    RelayedView? Relayed,
    bool CanEdit);
