using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Services;

/// <summary>
/// After a person is erased: their named votes go, with the tallies and counts they made; their polls stay without
/// an author. An anonymous answer cannot be found to remove, so it stays counted, and its participation is kept
/// under a random id that names nobody: the participant count stays equal to the tallies.
/// </summary>
internal sealed class PollsErasureHandler(PollsDbContext db, VoteWriter votes) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var userId = domainEvent.UserId;
        await using var transaction = await votes.BeginAsync(cancellationToken);
        var participations = await db.Participations.AsNoTracking().Where(p => p.UserId == userId)
            .Join(db.Polls, p => p.PollId, p => p.Id, (_, p) => new { p.Id, p.Anonymous }).ToListAsync(cancellationToken);
        foreach (var poll in participations)
        {
            if (poll.Anonymous)
            {
                await db.Participations.Where(p => p.PollId == poll.Id && p.UserId == userId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, "erased-" + Guid.NewGuid().ToString("N")), cancellationToken);
            }
            else
            {
                var questionId = await db.Questions.Where(q => q.PollId == poll.Id).OrderBy(q => q.Position).Select(q => q.Id).FirstAsync(cancellationToken);
                await votes.RemoveNamedAsync(poll.Id, questionId, userId, cancellationToken);
            }
        }

        await db.Polls.Where(p => p.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorId, ""), cancellationToken);
        await VoteWriter.CommitAsync(transaction, cancellationToken);
    }
}
