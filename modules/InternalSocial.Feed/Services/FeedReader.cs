using System.Security.Claims;

namespace InternalSocial.Feed.Services;

/// <summary>Who is reading, with everything visibility depends on, resolved once per request.</summary>
internal sealed record FeedReader(
    ClaimsPrincipal User,
    string UserId,
    bool CanViewCompany,
    bool IsModerator,
    string? Department,
    string? Site,
    IReadOnlyCollection<long> GroupIds,
    IReadOnlyCollection<long> HomeGroupIds);
