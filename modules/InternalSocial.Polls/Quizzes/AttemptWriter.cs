using InternalSocial.Kernel;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// Stores an attempt with its choices in one transaction. The attempt takes the person's next number under the unique
/// key (quiz, person, number): of two submissions at once, one stores it and the other is a 409, so the limit holds.
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
        var number = await db.QuizAttempts.Where(a => a.PollId == pollId && a.UserId == userId).Select(a => (int?)a.Number).MaxAsync(cancellationToken) ?? 0;
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
        await transaction.CommitAsync(cancellationToken);
        return number;
    }
}
