namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// A submitted attempt as its person sees it. <see cref="AttemptsLeft"/> is null when attempts are unlimited;
/// <see cref="Acknowledged"/> says that passing acknowledged the announcement holding the quiz.
/// </summary>
internal sealed record AttemptResult(
    int Number,
    int Score,
    int MaxScore,
    double Percent,
    bool Passed,
    DateTime SubmittedAt,
    bool ShowOnLeaderboard,
    int? AttemptsLeft,
    bool Acknowledged,
    IReadOnlyList<QuestionOutcome> Questions);
