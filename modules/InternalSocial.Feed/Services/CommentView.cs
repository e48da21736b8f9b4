namespace InternalSocial.Feed.Services;

/// <summary>A comment; <paramref name="Reactions"/> and <paramref name="MyReaction"/> are filled on the post's own page (all comments), empty in feed previews.</summary>
internal sealed record CommentView(
    long Id,
    long PostId,
    long? ParentId,
    PersonView Author,
    string Html,
    DateTime CreatedUtc,
    DateTime? EditedUtc,
    bool IsDeleted,
    bool CanEdit,
    string Body,
    IReadOnlyList<ReactionCount> Reactions,
    string? MyReaction);
