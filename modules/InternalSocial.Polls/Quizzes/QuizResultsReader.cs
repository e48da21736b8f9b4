using System.Globalization;
using System.Text;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Quizzes;

/// <summary>A quiz's results, its leaderboard and its CSV export.</summary>
internal sealed class QuizResultsReader(PollsDbContext db, IPeopleLookup people)
{
    public const int LeaderboardSize = 20;

    public async Task<QuizResults> ReadAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var pollId = standing.Poll.Id;
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.PollId == pollId).ToListAsync(cancellationToken);
        var choices = await db.QuizChoices.AsNoTracking().Where(c => db.QuizAttempts.Any(a => a.Id == c.AttemptId && a.PollId == pollId)).ToListAsync(cancellationToken);
        var byAttempt = choices.ToLookup(c => (c.AttemptId, c.QuestionId), c => c.OptionId);
        var questions = standing.Questions.Select(q =>
        {
            var correct = standing.Correct[q.Id].ToHashSet();
            var right = attempts.Count(a => correct.SetEquals(byAttempt[(a.Id, q.Id)]));
            return new QuizQuestionResult(q.Id, q.Text, attempts.Count, right, QuizScorer.Percent(right, attempts.Count));
        }).ToList();
        var people = attempts.Select(a => a.UserId).Distinct().Count();
        var passed = attempts.Where(a => a.Passed).Select(a => a.UserId).Distinct().Count();
        var average = attempts.Count == 0 ? 0 : Math.Round(attempts.Average(a => QuizScorer.Percent(a.Score, a.MaxScore)), 1);
        return new QuizResults(pollId, standing.Poll.Title, attempts.Count, people, passed, QuizScorer.Percent(passed, people), average, questions);
    }

    /// <summary>Those who chose to appear, each by their best attempt shown there; equal scores by the earliest.</summary>
    public async Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var shown = await db.QuizAttempts.AsNoTracking().Where(a => a.PollId == standing.Poll.Id && a.OnLeaderboard).ToListAsync(cancellationToken);
        var best = shown.GroupBy(a => a.UserId)
            .Select(g => g.OrderByDescending(a => a.Score).ThenBy(a => a.SubmittedUtc).ThenBy(a => a.Id).First())
            .OrderByDescending(a => a.Score).ThenBy(a => a.SubmittedUtc).ThenBy(a => a.Id)
            .Take(LeaderboardSize).ToList();
        var names = await people.GetByIdsAsync([.. best.Select(a => a.UserId)], cancellationToken);
        return [.. best.Select((a, i) => new LeaderboardEntry(i + 1, names.GetValueOrDefault(a.UserId)?.DisplayName ?? "", names.GetValueOrDefault(a.UserId)?.UserName ?? "",
            a.Score, a.MaxScore, QuizScorer.Percent(a.Score, a.MaxScore), a.SubmittedUtc))];
    }

    /// <summary>One row per attempt, then the share of correct answers per question; formula cells escaped.</summary>
    public async Task<CsvDocument> CsvAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.PollId == standing.Poll.Id).OrderBy(a => a.UserId).ThenBy(a => a.Number).ToListAsync(cancellationToken);
        var names = await people.GetByIdsAsync([.. attempts.Select(a => a.UserId).Distinct()], cancellationToken);
        var csv = new StringBuilder().Append(Row("person", "userName", "attempt", "score", "maxScore", "passed", "submittedUtc"));
        foreach (var a in attempts)
        {
            var person = names.GetValueOrDefault(a.UserId);
            csv.Append(Row(person?.DisplayName ?? a.UserId, person?.UserName ?? "", Number(a.Number), Number(a.Score), Number(a.MaxScore),
                a.Passed ? "yes" : "no", a.SubmittedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        csv.Append("\r\n").Append(Row("question", "answered", "correct", "percentCorrect"));
        foreach (var q in (await ReadAsync(standing, cancellationToken)).Questions)
        {
            csv.Append(Row(q.Text, Number(q.Answered), Number(q.Correct), q.PercentCorrect.ToString("0.#", CultureInfo.InvariantCulture)));
        }

        return new CsvDocument($"quiz-{standing.Poll.Id}.csv", csv.ToString());
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Row(params string[] cells) => string.Join(',', cells.Select(PollResultsReader.Cell)) + "\r\n";
}
