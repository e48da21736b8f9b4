namespace InternalSocial.Newsletter.Services;

public sealed record EditionView(
    long Id,
    string Title,
    string Intro,
    string Status,
    IReadOnlyList<BlockView> Blocks,
    AudienceView Audience,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    DateTime? SentUtc,
    DateTime? CompletedUtc,
    EditionStats? Stats);
