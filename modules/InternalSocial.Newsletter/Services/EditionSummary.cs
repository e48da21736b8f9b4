namespace InternalSocial.Newsletter.Services;

internal sealed record EditionSummary(long Id, string Title, string Status, DateTime UpdatedUtc, DateTime? SentUtc, int Recipients);
