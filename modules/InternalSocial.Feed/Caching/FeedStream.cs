using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Caching;

/// <summary>
/// The newest listed posts of one audience (not pinned now), and those pinned now, as they were at posts version
/// <paramref name="Version"/> (<see cref="FeedVersion.Posts"/>); usable until <paramref name="ValidUntilUtc"/>, when one
/// of them expires, a pin ends or a scheduled post is due.
/// </summary>
internal sealed record FeedStream(long Version, DateTime ValidUntilUtc, IReadOnlyList<StreamPost> Newest, IReadOnlyList<StreamPost> Pinned);
