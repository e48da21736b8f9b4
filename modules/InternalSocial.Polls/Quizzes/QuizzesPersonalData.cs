using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Quizzes;

/// <summary>The quizzes' share of a person's data export: each of their attempts, its score and the options they chose.</summary>
internal sealed class QuizzesPersonalData(PollsDbContext db) : IPersonalDataContributor
{
    public string Name => "quizzes";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Polls, a => a.PollId, p => p.Id, (a, p) => new { a.Id, quizId = p.Id, quiz = p.Title, attempt = a.Number, a.Score, a.MaxScore, a.Passed, a.SubmittedUtc, showOnLeaderboard = a.OnLeaderboard })
            .OrderBy(a => a.quizId).ThenBy(a => a.attempt).Take(PollsPersonalData.MaxItems).ToListAsync(cancellationToken);
        if (attempts.Count == 0)
        {
            return null;
        }

        var ids = attempts.Select(a => a.Id).ToList();
        var choices = (await db.QuizChoices.AsNoTracking().Where(c => ids.Contains(c.AttemptId))
            .Join(db.Options, c => c.OptionId, o => o.Id, (c, o) => new { c.AttemptId, o.Text }).ToListAsync(cancellationToken))
            .ToLookup(c => c.AttemptId, c => c.Text);
        return new
        {
            attempts = attempts.Select(a => new { a.quizId, a.quiz, a.attempt, a.Score, a.MaxScore, a.Passed, a.SubmittedUtc, a.showOnLeaderboard, chosen = choices[a.Id].ToList() }),
        };
    }
}
