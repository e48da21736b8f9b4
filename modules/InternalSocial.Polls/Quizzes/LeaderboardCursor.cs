using System.Globalization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>Where a leaderboard page ended: its last place, and that row's sort key (score, time, attempt).</summary>
internal sealed record LeaderboardCursor(int Place, int Score, DateTime SubmittedUtc, long AttemptId)
{
    public static LeaderboardCursor? Parse(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var place)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var score)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var attemptId)
            ? new LeaderboardCursor(place, score, new DateTime(ticks, DateTimeKind.Utc), attemptId)
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Place}.{Score}.{SubmittedUtc.Ticks}.{AttemptId}");
}
