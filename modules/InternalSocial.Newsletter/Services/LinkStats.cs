namespace InternalSocial.Newsletter.Services;

public sealed record LinkStats(int Index, string Url, int UniqueClicks);
