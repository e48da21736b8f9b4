namespace InternalSocial.Newsletter.Services;

/// <summary>Counts only: nobody's name, so the page says how an edition did without saying who read it.</summary>
internal sealed record EditionStats(int Recipients, int Queued, int Delivered, int UniqueOpens, int UniqueClicks, IReadOnlyList<LinkStats> Links);
