namespace InternalSocial.Feed.Services;

internal sealed record GroupChoice(long Id, string Name);
