namespace InternalSocial.Feed.Services;

/// <summary>A tag as its curators see it: <paramref name="IsCurated"/> false for a tag only used in posts.</summary>
internal sealed record CuratedTag(string Name, string Description, bool IsOfficial, bool IsPinned, bool IsCurated, int PostCount);
