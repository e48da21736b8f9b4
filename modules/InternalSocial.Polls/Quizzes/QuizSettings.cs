namespace InternalSocial.Polls.Quizzes;

/// <summary>What makes a <see cref="Models.Poll"/> of kind quiz a quiz: its pass mark, attempts, leaderboard and acknowledgement.</summary>
internal sealed class QuizSettings
{
    public long PollId { get; set; }

    /// <summary>The percentage of questions answered right needed to pass, 0 to 100.</summary>
    public int PassMark { get; set; }

    /// <summary>How many attempts one person may submit; null for no limit.</summary>
    public int? MaxAttempts { get; set; }

    public bool Leaderboard { get; set; }

    /// <summary>For a quiz in an announcement to acknowledge: passing acknowledges it.</summary>
    public bool PassingAcknowledges { get; set; }
}
