namespace InternalSocial.Feed.Services;

public sealed record RevisionView(long Id, string Body, DateTime EditedUtc, string EditedBy);
