namespace InternalSocial.Newsletter.Services;

internal sealed record EditionView(
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
