namespace InternalSocial.Feed.Services;

public sealed record GroupChoice(long Id, string Name);
