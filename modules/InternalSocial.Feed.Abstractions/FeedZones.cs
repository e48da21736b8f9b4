namespace InternalSocial.Feed.Abstractions;

/// <summary>Zones the feed's pages render for other modules' widgets.</summary>
public static class FeedZones
{
    /// <summary>
    /// Beside the composer (under it on a phone and on a group's Posts tab): guidance an author reads while writing,
    /// such as the editorial charter. A widget here renders no form field: the composer's post does not carry it.
    /// </summary>
    public const string ComposerSide = "feed-composer-side";
}
