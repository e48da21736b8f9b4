using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Quizzes;

/// <summary>After a person is erased their attempts and what they chose go: a score is personal, not a count to keep.</summary>
internal sealed class QuizzesErasureHandler(PollsDbContext db) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var attemptIds = db.QuizAttempts.Where(a => a.UserId == domainEvent.UserId).Select(a => a.Id);
        await db.QuizChoices.Where(c => attemptIds.Contains(c.AttemptId)).ExecuteDeleteAsync(cancellationToken);
        await db.QuizAttempts.Where(a => a.UserId == domainEvent.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
