namespace InternalSocial.Feed.Services;

public sealed record FeedPage(IReadOnlyList<PostCard> Items, string? NextCursor, string? SinceCursor);
