namespace InternalSocial.Feed.Services;

public sealed record TagView(string Name, string Description, bool IsOfficial, bool IsPinned, bool Followed);
