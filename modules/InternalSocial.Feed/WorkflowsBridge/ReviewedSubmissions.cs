using InternalSocial.Feed.Services;
using InternalSocial.Workflows.Abstractions;

namespace InternalSocial.Feed.WorkflowsBridge;

/// <summary>
/// What <see cref="WorkflowPostReview"/> found before a post was saved, kept for the request (scoped), so that
/// <see cref="PostSubmittedTrigger"/> after the save neither looks the author up nor evaluates the start conditions again.
/// </summary>
internal sealed class ReviewedSubmissions
{
    private readonly Dictionary<string, bool> _guests = new(StringComparer.Ordinal);
    private readonly List<(PostSubmission Submission, IReadOnlyList<WorkflowStart> Starts)> _reviewed = [];

    public void Add(PostSubmission submission, bool authorIsGuest, IReadOnlyList<WorkflowStart> starts)
    {
        ArgumentNullException.ThrowIfNull(submission);
        _guests[submission.AuthorId] = authorIsGuest;
        _reviewed.Add((submission, starts));
    }

    public bool? IsGuest(string userId) => _guests.TryGetValue(userId, out var isGuest) ? isGuest : null;

    /// <summary>
    /// The starts found for this submission when the saved post's facts are those it was reviewed with (not pending);
    /// a post held since has other facts (<c>post.isPending</c>), which its workflows must see.
    /// </summary>
    public IReadOnlyList<WorkflowStart>? StartsFor(PostSubmission submission, bool isPending)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return isPending ? null : _reviewed.FirstOrDefault(r => Same(r.Submission, submission)).Starts;
    }

    private static bool Same(PostSubmission a, PostSubmission b) =>
        a.AuthorId == b.AuthorId && a.GroupId == b.GroupId && a.GroupRequiresApproval == b.GroupRequiresApproval
        && a.Body == b.Body && a.IsAnnouncement == b.IsAnnouncement && a.Tags.ToHashSet(StringComparer.Ordinal).SetEquals(b.Tags);
}
