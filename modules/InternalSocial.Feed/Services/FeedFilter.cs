namespace InternalSocial.Feed.Services;

/// <summary>all, following (people and tags I follow), announcements, or one tag.</summary>
public enum FeedFilter
{
    All,
    Following,
    Announcements,
    Tag,
}
