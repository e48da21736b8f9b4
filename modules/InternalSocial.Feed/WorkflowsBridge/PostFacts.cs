using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>The facts a post brings to workflows; the same before it is saved (review) and after (trigger).</summary>
internal static class PostFacts
{
    public const string EventName = "feed.postSubmitted";

    public static readonly IReadOnlyList<string> Names =
    [
        "post.id", "post.groupId", "post.authorId", "post.text", "post.tags", "post.isAnnouncement", "post.isPending", "post.groupRequiresApproval",
        "author.isGuest", "subject.type", "subject.id", "subject.groupId", "subject.authorId", "subject.summary",
    ];

    public static Dictionary<string, JsonNode?> Build(long? postId, PostSubmission post, bool isPending, bool authorIsGuest)
    {
        ArgumentNullException.ThrowIfNull(post);
        var summary = post.Body.Length > 300 ? post.Body[..300] + "…" : post.Body;
        var id = postId?.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, JsonNode?>
        {
            ["post.id"] = id,
            ["post.groupId"] = post.GroupId,
            ["post.authorId"] = post.AuthorId,
            ["post.text"] = post.Body,
            ["post.tags"] = new JsonArray([.. post.Tags.Select(t => (JsonNode?)t)]),
            ["post.isAnnouncement"] = post.IsAnnouncement,
            ["post.isPending"] = isPending,
            ["post.groupRequiresApproval"] = post.GroupRequiresApproval,
            ["author.isGuest"] = authorIsGuest,
            ["subject.type"] = "post",
            ["subject.id"] = id,
            ["subject.groupId"] = post.GroupId,
            ["subject.authorId"] = post.AuthorId,
            ["subject.summary"] = summary,
        };
    }
}
