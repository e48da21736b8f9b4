namespace InternalSocial.Feed.Services;

internal sealed record TagView(string Name, string Description, bool IsOfficial, bool IsPinned, bool Followed);
