namespace InternalSocial.Polls.Quizzes;

/// <summary>A person on a quiz's leaderboard: their best attempt shown there; ties go to the earliest.</summary>
internal sealed record LeaderboardEntry(int Rank, string DisplayName, string UserName, int Score, int MaxScore, double Percent, DateTime SubmittedAt);
