namespace InternalSocial.Polls.Quizzes;

/// <summary>A person's best attempt shown on a quiz's leaderboard (equal scores keep the earliest): one row a person.</summary>
internal sealed class QuizBestScore
{
    public long PollId { get; set; }

    public required string UserId { get; set; }

    public long AttemptId { get; set; }

    public int Score { get; set; }

    public int MaxScore { get; set; }

    public DateTime SubmittedUtc { get; set; }
}
