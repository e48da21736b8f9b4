using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// After a person is erased their attempts and what they chose go: a score is personal, not a count to keep. The
/// quizzes they took have their totals worked out again without them.
/// </summary>
internal sealed class QuizzesErasureHandler(PollsDbContext db) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var quizIds = await db.QuizAttempts.Where(a => a.UserId == domainEvent.UserId).Select(a => a.PollId).Distinct().ToListAsync(cancellationToken);
        var attemptIds = db.QuizAttempts.Where(a => a.UserId == domainEvent.UserId).Select(a => a.Id);
        await db.QuizChoices.Where(c => attemptIds.Contains(c.AttemptId)).ExecuteDeleteAsync(cancellationToken);
        await db.QuizAttempts.Where(a => a.UserId == domainEvent.UserId).ExecuteDeleteAsync(cancellationToken);
        foreach (var quizId in quizIds)
        {
            foreach (var statement in QuizTotalsSql.Rebuild("= {0}"))
            {
                await db.Database.ExecuteSqlRawAsync(statement, [quizId], cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
