using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Feed.Controllers;

internal sealed class FeedSettingsModel
{
    [Display(Name = "Editorial guidance shown beside the composer")]
    public string? EditorialGuidance { get; set; }

    [Display(Name = "Posts, comments and uploads per person and minute")]
    public int? PostsPerMinute { get; set; }

    /// <summary>The host's default, shown as the field's placeholder.</summary>
    public int DefaultPostsPerMinute { get; set; }
}
