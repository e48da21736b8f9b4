namespace InternalSocial.Newsletter.Services;

public sealed record EditionSummary(long Id, string Title, string Status, DateTime UpdatedUtc, DateTime? SentUtc, int Recipients);
