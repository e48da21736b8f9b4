namespace InternalSocial.Polls.Quizzes;

/// <summary>A page of a quiz's leaderboard; <see cref="NextCursor"/> null on the last page.</summary>
internal sealed record LeaderboardPage(IReadOnlyList<LeaderboardEntry> Entries, string? NextCursor);
