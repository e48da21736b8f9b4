using InternalSocial.Feed.Models;

namespace InternalSocial.Feed.Caching;

/// <summary>
/// The posts of a first page once checked, for the readers of the same audiences at the same feed versions. The lists
/// and posts are shared by every such reader: never change them.
/// </summary>
internal sealed record CheckedPage(long PostsVersion, long CardsVersion, DateTime ValidUntilUtc, List<Post> Pinned, List<Post> Stream);
