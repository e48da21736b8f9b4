namespace InternalSocial.Feed.Services;

internal sealed record FeedPage(IReadOnlyList<PostCard> Items, string? NextCursor, string? SinceCursor);
