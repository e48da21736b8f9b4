using System.Globalization;
using InternalSocial.Kernel;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// Stores an attempt with its choices in one transaction. The attempt takes the person's next number under the unique
/// key (quiz, person, number): of two submissions at once, one stores it and the other is a 409, so the limit holds.
/// The same transaction adds the attempt to the quiz's totals, right answers per question and leaderboard, so results
/// are read from a few rows whatever the number of attempts (kept at submit rather than grouped at read: a question's
/// right answers would need every attempt's choices compared with the right ones, at each read).
/// </summary>
internal sealed class AttemptWriter(PollsDbContext db, IStringLocalizer<ModuleResources> T)
{
    public async Task<int> InsertAsync(QuizStanding standing, IReadOnlyList<QuestionOutcome> outcomes, bool onLeaderboard, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(outcomes);
        var (pollId, userId) = (standing.Poll.Id, standing.UserId);
        var score = outcomes.Count(o => o.Correct);
        var passed = QuizScorer.Passes(score, outcomes.Count, standing.Settings.PassMark);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await db.QuizAttempts.Where(a => a.PollId == pollId && a.UserId == userId).GroupBy(a => a.PollId)
            .Select(g => new { Number = g.Max(a => a.Number), Passed = g.Count(a => a.Passed) }).FirstOrDefaultAsync(cancellationToken);
        var number = before?.Number ?? 0;
        if (standing.Settings.MaxAttempts is { } max && number >= max)
        {
            throw new ConflictException(T["You have no attempts left at this quiz."]);
        }

        number++;
        var inserted = await db.Database.SqlQuery<long>(
            $"""
            INSERT INTO "Polls_QuizAttempts" ("PollId", "UserId", "Number", "Score", "MaxScore", "Passed", "SubmittedUtc", "OnLeaderboard")
            VALUES ({pollId}, {userId}, {number}, {score}, {outcomes.Count}, {passed}, {nowUtc}, {onLeaderboard})
            ON CONFLICT DO NOTHING RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
        if (inserted.Count == 0)
        {
            throw new ConflictException(T["Another attempt of yours was submitted at the same time; only one counts."]);
        }

        db.QuizChoices.AddRange(outcomes.SelectMany(o => o.ChosenOptionIds.Select(optionId => new QuizChoice { AttemptId = inserted[0], QuestionId = o.QuestionId, OptionId = optionId })));
        await db.SaveChangesAsync(cancellationToken);
        var firstPass = passed && (before?.Passed ?? 0) == 0;
        await CountAsync(pollId, number == 1, firstPass, (long)Math.Round(QuizScorer.Percent(score, outcomes.Count) * 10), outcomes, cancellationToken);
        if (onLeaderboard)
        {
            await RankAsync(pollId, userId, inserted[0], score, outcomes.Count, nowUtc, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return number;
    }

    /// <summary>
    /// Each row changed in place, never read then written, so attempts at once lose no count. The quiz's row first, then
    /// the questions' in id order: attempts lock them in the same order and cannot deadlock (PostgreSQL).
    /// </summary>
    private async Task CountAsync(long pollId, bool firstAttempt, bool firstPass, long percentTenths, IReadOnlyList<QuestionOutcome> outcomes, CancellationToken cancellationToken)
    {
        var (person, passer) = (firstAttempt ? 1 : 0, firstPass ? 1 : 0);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Polls_QuizTotals" ("PollId", "Attempts", "People", "PeoplePassed", "PercentTenths") VALUES ({pollId}, 1, {person}, {passer}, {percentTenths})
            ON CONFLICT ("PollId") DO UPDATE SET "Attempts" = "Polls_QuizTotals"."Attempts" + 1, "People" = "Polls_QuizTotals"."People" + excluded."People",
                "PeoplePassed" = "Polls_QuizTotals"."PeoplePassed" + excluded."PeoplePassed", "PercentTenths" = "Polls_QuizTotals"."PercentTenths" + excluded."PercentTenths"
            """, cancellationToken);
        var right = outcomes.Where(o => o.Correct).Select(o => o.QuestionId).Order().ToList();
        if (right.Count == 0)
        {
            return;
        }

        var values = new List<object>(right.Count * 2);
        var tuples = right.Select((questionId, i) =>
        {
            values.AddRange([questionId, pollId]);
            return string.Create(CultureInfo.InvariantCulture, $"({{{2 * i}}}, {{{(2 * i) + 1}}}, 1)");
        }).ToList();
        var sql = $"""
            INSERT INTO "Polls_QuizQuestionTallies" ("QuestionId", "PollId", "Correct") VALUES {string.Join(", ", tuples)}
            ON CONFLICT ("QuestionId") DO UPDATE SET "Correct" = "Polls_QuizQuestionTallies"."Correct" + 1
            """;
        await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
    }

    /// <summary>The person's row on the leaderboard, replaced only by a better score: equal scores keep the earliest.</summary>
    private Task RankAsync(long pollId, string userId, long attemptId, int score, int maxScore, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Polls_QuizBestScores" ("PollId", "UserId", "AttemptId", "Score", "MaxScore", "SubmittedUtc") VALUES ({pollId}, {userId}, {attemptId}, {score}, {maxScore}, {nowUtc})
            ON CONFLICT ("PollId", "UserId") DO UPDATE SET "AttemptId" = excluded."AttemptId", "Score" = excluded."Score", "MaxScore" = excluded."MaxScore", "SubmittedUtc" = excluded."SubmittedUtc"
            WHERE excluded."Score" > "Polls_QuizBestScores"."Score"
            """, cancellationToken);
}
