namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// One submitted attempt. Quizzes are named by nature (a score per person). The unique key on quiz, person and number
/// is the attempts limit: two submissions of the same attempt at once store one.
/// </summary>
internal sealed class QuizAttempt
{
    public long Id { get; set; }

    public long PollId { get; set; }

    public required string UserId { get; set; }

    public int Number { get; set; }

    public int Score { get; set; }

    public int MaxScore { get; set; }

    public bool Passed { get; set; }

    public DateTime SubmittedUtc { get; set; }

    /// <summary>The person's own choice, attempt by attempt, to appear on the quiz's leaderboard.</summary>
    public bool OnLeaderboard { get; set; }
}
