namespace InternalSocial.Polls.Quizzes;

/// <summary>One of a person's attempts, without its answers.</summary>
internal sealed record AttemptSummary(int Number, int Score, int MaxScore, double Percent, bool Passed, DateTime SubmittedAt, bool ShowOnLeaderboard)
{
    public static AttemptSummary From(QuizAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Number, attempt.Score, attempt.MaxScore, QuizScorer.Percent(attempt.Score, attempt.MaxScore), attempt.Passed, attempt.SubmittedUtc, attempt.OnLeaderboard);
    }
}
