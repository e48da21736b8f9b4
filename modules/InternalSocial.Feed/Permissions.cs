using InternalSocial.Kernel.Security;

namespace InternalSocial.Feed;

internal sealed class Permissions : IPermissionProvider
{
    private const string Category = "Feed";

    public static readonly Permission View = new("Feed.View", "Read the organisation-wide feed", Category);
    public static readonly Permission Post = new("Feed.Post", "Write posts", Category);
    public static readonly Permission Comment = new("Feed.Comment", "Comment on posts", Category);
    public static readonly Permission React = new("Feed.React", "React to posts and comments", Category);
    public static readonly Permission PostAnnouncements = new("Feed.PostAnnouncements", "Post announcements and see their acknowledgement rate", Category);
    public static readonly Permission Pin = new("Feed.Pin", "Pin posts on top of everyone's feed", Category);
    public static readonly Permission Moderate = new("Feed.Moderate", "Edit, delete and restore anyone's posts and comments", Category);
    public static readonly Permission ManageTags = new("Feed.ManageTags", "Curate official tags and the editorial guidance", Category);

    public IEnumerable<Permission> GetPermissions() => [View, Post, Comment, React, PostAnnouncements, Pin, Moderate, ManageTags];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [View, Post, Comment, React, PostAnnouncements, Pin, Moderate, ManageTags]),
        new(BuiltInRoles.CommunicationDirector, [View, Post, Comment, React, PostAnnouncements, Pin, ManageTags]),
        new(BuiltInRoles.Moderator, [View, Post, Comment, React, Moderate]),
        new(BuiltInRoles.Employee, [View, Post, Comment, React]),

        // Guests act only where a group lets them: without Feed.View they never read the organisation-wide feed.
        new(BuiltInRoles.Guest, [Post, Comment, React]),
    ];
}
