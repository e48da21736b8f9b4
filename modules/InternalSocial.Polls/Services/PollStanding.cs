using InternalSocial.Polls.Models;

namespace InternalSocial.Polls.Services;

/// <summary>A poll the user may read, with its question and options, and the user's place in it.</summary>
internal sealed record PollStanding(
    Poll Poll,
    PollQuestion Question,
    IReadOnlyList<PollOption> Options,
    string UserId,
    bool IsAuthor,
    bool IsManager,
    bool ViewsAllResults,
    bool Voted)
{
    /// <summary>The author, its container's moderators and holders of Polls.Manage: they close, reopen and delete.</summary>
    public bool MayManage => IsAuthor || IsManager;

    /// <summary>
    /// Those who may see the results under the strictest rule (authorOnly: the author and Polls.ViewAllResults) see
    /// them under every rule; afterVote also lets voters and managers see them; afterClose everyone once closed.
    /// </summary>
    public bool MaySeeResults(DateTime nowUtc) => IsAuthor || ViewsAllResults || Poll.ResultsVisibility switch
    {
        ResultsVisibilities.Always => true,
        ResultsVisibilities.AfterVote => Voted || IsManager || Poll.IsClosedAt(nowUtc),
        ResultsVisibilities.AfterClose => Poll.IsClosedAt(nowUtc),
        _ => false,
    };

    /// <summary>Who chose what, in a named poll: its author and managers only; in an anonymous poll nobody.</summary>
    public bool MaySeeVoters => !Poll.Anonymous && (MayManage || ViewsAllResults);
}
