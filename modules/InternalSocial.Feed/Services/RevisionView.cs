namespace InternalSocial.Feed.Services;

internal sealed record RevisionView(long Id, string Body, DateTime EditedUtc, string EditedBy);
