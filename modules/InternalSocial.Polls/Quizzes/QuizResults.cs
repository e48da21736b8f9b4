namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// A quiz's results for its author and managers: attempts, the people who passed (at least once) out of those who
/// tried, and per question the share of attempts that got it right.
/// </summary>
internal sealed record QuizResults(
    long QuizId,
    string Title,
    int Attempts,
    int People,
    int PeoplePassed,
    double PassRate,
    double AveragePercent,
    IReadOnlyList<QuizQuestionResult> Questions);
