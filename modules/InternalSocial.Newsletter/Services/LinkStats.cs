using AudienceKinds = InternalSocial.Newsletter.Models.AudienceKinds;

namespace InternalSocial.Newsletter.Services;

public sealed record LinkStats(int Index, string Url, int UniqueClicks);
