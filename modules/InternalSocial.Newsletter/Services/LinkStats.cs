namespace InternalSocial.Newsletter.Services;

internal sealed record LinkStats(int Index, string Url, int UniqueClicks);
