using InternalSocial.Polls.Models;

namespace InternalSocial.Polls.Surveys;

/// <summary>A survey the user may read, with its questions (in order, matrix rows under their matrix) and the user's place in it.</summary>
internal sealed record SurveyStanding(
    Poll Poll,
    Survey Survey,
    IReadOnlyList<SurveyAudience> Audience,
    IReadOnlyList<SurveyItem> Questions,
    string UserId,
    bool IsAuthor,
    bool IsManager,
    bool ViewsAllResults,
    bool InAudience,
    bool Answered)
{
    public bool MayManage => IsAuthor || IsManager;

    /// <summary>Free texts and, in a named survey, who answered what: the author, managers and directors only.</summary>
    public bool MaySeeAnswers => MayManage || ViewsAllResults;

    public string StatusAt(DateTime nowUtc) =>
        Poll.IsClosedAt(nowUtc) ? SurveyStatuses.Closed
        : Survey.OpensUtc is { } opens && opens > nowUtc ? SurveyStatuses.Scheduled
        : SurveyStatuses.Open;

    /// <summary>As for polls: authorOnly to the author and directors; afterVote also to respondents and managers; afterClose to all once closed.</summary>
    public bool MaySeeResults(DateTime nowUtc) => IsAuthor || ViewsAllResults || Poll.ResultsVisibility switch
    {
        ResultsVisibilities.Always => true,
        ResultsVisibilities.AfterVote => Answered || IsManager || Poll.IsClosedAt(nowUtc),
        ResultsVisibilities.AfterClose => Poll.IsClosedAt(nowUtc),
        _ => false,
    };
}
