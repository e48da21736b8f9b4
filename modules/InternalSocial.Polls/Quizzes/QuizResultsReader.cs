using System.Globalization;
using System.Text;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>A quiz's results, its leaderboard and its CSV export.</summary>
internal sealed class QuizResultsReader(PollsDbContext db, IPeopleLookup people, IStringLocalizer<ModuleResources> T)
{
    public const int LeaderboardSize = 20;

    public async Task<QuizResults> ReadAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var pollId = standing.Poll.Id;
        var totals = await db.QuizTotals.AsNoTracking().FirstOrDefaultAsync(t => t.PollId == pollId, cancellationToken) ?? new QuizTotals { PollId = pollId };
        var right = await db.QuizQuestionTallies.AsNoTracking().Where(t => t.PollId == pollId).ToDictionaryAsync(t => t.QuestionId, t => t.Correct, cancellationToken);
        var attempts = totals.Attempts;
        var questions = standing.Questions.Select(q =>
            new QuizQuestionResult(q.Id, q.Text, attempts, right.GetValueOrDefault(q.Id), QuizScorer.Percent(right.GetValueOrDefault(q.Id), attempts))).ToList();
        var average = attempts == 0 ? 0 : Math.Round(totals.PercentTenths / 10.0 / attempts, 1);
        return new QuizResults(pollId, standing.Poll.Title, attempts, totals.People, totals.PeoplePassed, QuizScorer.Percent(totals.PeoplePassed, totals.People), average, questions);
    }

    /// <summary>
    /// Those who chose to appear, each by their best attempt shown there, equal scores to the earliest; <paramref name="take"/>
    /// a page after the previous page's cursor (its last place, score, time and attempt).
    /// </summary>
    public async Task<LeaderboardPage> LeaderboardAsync(QuizStanding standing, string? after, int? take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var size = take ?? LeaderboardSize;
        if (size is < 1 or > 100)
        {
            throw new InvalidInputException("take", T["Take between 1 and {0}.", 100]);
        }

        var rows = db.QuizBestScores.AsNoTracking().Where(b => b.PollId == standing.Poll.Id);
        var place = 0;
        if (after is not null)
        {
            var cursor = LeaderboardCursor.Parse(after) ?? throw new InvalidInputException("after", T["Use the nextCursor of the previous page."]);
            (place, var score, var time, var attemptId) = cursor;
            rows = rows.Where(b => b.Score < score || (b.Score == score && (b.SubmittedUtc > time || (b.SubmittedUtc == time && b.AttemptId > attemptId))));
        }

        var best = await rows.OrderByDescending(b => b.Score).ThenBy(b => b.SubmittedUtc).ThenBy(b => b.AttemptId).Take(size + 1).ToListAsync(cancellationToken);
        var shown = best.Take(size).ToList();
        var names = await people.GetByIdsAsync([.. shown.Select(b => b.UserId)], cancellationToken);
        var entries = shown.Select((b, i) => new LeaderboardEntry(place + i + 1, names.GetValueOrDefault(b.UserId)?.DisplayName ?? "", names.GetValueOrDefault(b.UserId)?.UserName ?? "",
            b.Score, b.MaxScore, QuizScorer.Percent(b.Score, b.MaxScore), b.SubmittedUtc)).ToList();
        var last = shown.LastOrDefault();
        var next = best.Count > size && last is not null ? new LeaderboardCursor(place + size, last.Score, last.SubmittedUtc, last.AttemptId).ToString() : null;
        return new LeaderboardPage(entries, next);
    }

    /// <summary>One row per attempt, then the share of correct answers per question; formula cells escaped.</summary>
    public async Task<CsvDocument> CsvAsync(QuizStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.PollId == standing.Poll.Id).OrderBy(a => a.UserId).ThenBy(a => a.Number).ToListAsync(cancellationToken);
        var names = await people.GetByIdsAsync([.. attempts.Select(a => a.UserId).Distinct()], cancellationToken);
        var csv = new StringBuilder().Append(CsvText.Row("person", "userName", "attempt", "score", "maxScore", "passed", "submittedUtc"));
        foreach (var a in attempts)
        {
            var person = names.GetValueOrDefault(a.UserId);
            csv.Append(CsvText.Row(person?.DisplayName ?? a.UserId, person?.UserName ?? "", Number(a.Number), Number(a.Score), Number(a.MaxScore),
                a.Passed ? "yes" : "no", a.SubmittedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        csv.Append("\r\n").Append(CsvText.Row("question", "answered", "correct", "percentCorrect"));
        foreach (var q in (await ReadAsync(standing, cancellationToken)).Questions)
        {
            csv.Append(CsvText.Row(q.Text, Number(q.Answered), Number(q.Correct), q.PercentCorrect.ToString("0.#", CultureInfo.InvariantCulture)));
        }

        return new CsvDocument($"quiz-{standing.Poll.Id}.csv", csv.ToString());
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
