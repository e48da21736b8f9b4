namespace InternalSocial.Feed.Services;

/// <summary>all, following (people and tags I follow), announcements, or one tag.</summary>
internal enum FeedFilter
{
    All,
    Following,
    Announcements,
    Tag,
}
