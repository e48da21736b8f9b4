namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// A quiz as one reader sees it. The questions carry which options are right and the explanations only once the reader
/// has submitted an attempt (<see cref="AnswersShown"/>), or to those who manage the quiz.
/// </summary>
internal sealed record QuizView(
    long Id,
    string Title,
    string Description,
    string AuthorId,
    long? PostId,
    long? GroupId,
    int PassMark,
    int? MaxAttempts,
    bool Leaderboard,
    bool PassingAcknowledges,
    DateTime? ClosesAt,
    DateTime? ClosedAt,
    bool Closed,
    DateTime CreatedAt,
    IReadOnlyList<QuizQuestionView> Questions,
    bool AnswersShown,
    int AttemptsUsed,
    int? AttemptsLeft,
    AttemptSummary? BestAttempt,
    bool CanAttempt,
    bool CanManage,
    bool CanSeeResults);
