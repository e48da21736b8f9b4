using InternalSocial.Polls.Models;

namespace InternalSocial.Polls.Quizzes;

/// <summary>A quiz the user may read, with its questions, options and correct options, and the user's place in it.</summary>
internal sealed record QuizStanding(
    Poll Poll,
    QuizSettings Settings,
    IReadOnlyList<PollQuestion> Questions,
    ILookup<long, PollOption> Options,
    IReadOnlyDictionary<long, string> Explanations,
    ILookup<long, long> Correct,
    string UserId,
    bool IsAuthor,
    bool IsManager,
    bool ViewsAllResults)
{
    /// <summary>The author, its container's moderators and holders of Polls.Manage: they close, reopen and delete.</summary>
    public bool MayManage => IsAuthor || IsManager;

    /// <summary>Everyone's attempts and scores: those who manage the quiz and holders of Polls.ViewAllResults.</summary>
    public bool MaySeeResults => MayManage || ViewsAllResults;
}
