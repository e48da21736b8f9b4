using InternalSocial.Kernel;
using InternalSocial.Polls.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>
/// Writes votes: the participation's key decides whether this is the person's first answer (two requests at once give
/// one vote), and the vote, its tallies and the poll's participant count change in one transaction. An anonymous
/// answer writes no row that names the voter next to a choice: only the participation (who) and tallies (what).
/// </summary>
internal sealed class VoteWriter(PollsDbContext db, IPeopleLookup people, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const int MaxPlace = 100;

    /// <summary>
    /// A first vote, or a change of a named vote. A second answer to an anonymous poll (even one sent at the same
    /// instant as the first) is a 409; the same named vote sent twice is a change to the same choices, which changes nothing.
    /// </summary>
    public async Task VoteAsync(PollStanding standing, IReadOnlyList<long> choices, string? other, CancellationToken cancellationToken)
    {
        var (poll, userId) = (standing.Poll, standing.UserId);
        var person = (await people.GetByIdsAsync([userId], cancellationToken)).GetValueOrDefault(userId);
        var (department, site) = (Clip(person?.Department), Clip(person?.Site));
        await using var transaction = await BeginAsync(cancellationToken);
        var deltas = new TallyDeltas(standing.Question.Id);
        if (await InsertParticipationAsync(poll.Id, userId, cancellationToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // The anonymity read before must still hold: it is frozen by this first vote, not changed under it.
            var counted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "Polls_Polls" SET "ParticipantCount" = "ParticipantCount" + 1, "FirstVoteUtc" = COALESCE("FirstVoteUtc", {now}) WHERE "Id" = {poll.Id} AND "Anonymous" = {poll.Anonymous}""",
                cancellationToken);
            if (counted == 0)
            {
                throw new ConflictException(T["The poll changed while you voted; please try again."]);
            }
        }
        else if (poll.Anonymous)
        {
            throw new ConflictException(T["You have already answered this anonymous poll; anonymous votes are final."]);
        }
        else if (!await TakeBackAsync(standing, deltas, choices, other, cancellationToken))
        {
            await CommitAsync(transaction, cancellationToken);
            return;
        }

        foreach (var optionId in choices)
        {
            deltas.Add(optionId, department, site, 1);
            if (!poll.Anonymous)
            {
                db.Votes.Add(new PollVote { PollId = poll.Id, QuestionId = standing.Question.Id, OptionId = optionId, UserId = userId, Department = department, Site = site });
            }
        }

        if (other is not null)
        {
            db.OtherAnswers.Add(new PollOtherAnswer { Id = Guid.NewGuid(), QuestionId = standing.Question.Id, UserId = poll.Anonymous ? null : userId, Text = other });
        }

        await db.SaveChangesAsync(cancellationToken);
        await deltas.ApplyAsync(db, cancellationToken);
        await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>Takes a named vote back (nothing when there is none).</summary>
    public async Task RetractAsync(PollStanding standing, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        await RemoveNamedAsync(standing.Poll.Id, standing.Question.Id, standing.UserId, cancellationToken);
        await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>Removes a person's named vote, its tallies and participation; false when they had not voted.</summary>
    public async Task<bool> RemoveNamedAsync(long pollId, long questionId, string userId, CancellationToken cancellationToken)
    {
        if (await LockParticipationAsync(pollId, userId, cancellationToken) == 0)
        {
            return false;
        }

        var deltas = new TallyDeltas(questionId);
        foreach (var vote in await db.Votes.Where(v => v.PollId == pollId && v.UserId == userId).ToListAsync(cancellationToken))
        {
            deltas.Add(vote.OptionId, vote.Department, vote.Site, -1);
        }

        await db.Votes.Where(v => v.PollId == pollId && v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.OtherAnswers.Where(a => a.QuestionId == questionId && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Participations.Where(p => p.PollId == pollId && p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Polls.Where(p => p.Id == pollId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ParticipantCount, p => p.ParticipantCount - 1), cancellationToken);
        await deltas.ApplyAsync(db, cancellationToken);
        return true;
    }

    /// <summary>A transaction of its own, or none inside one already open (a recipe's, an erasure's).</summary>
    public async Task<IDbContextTransaction?> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    public static async Task CommitAsync(IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Before a named vote changes: locks the participation (so two changes of one person run one after the other),
    /// and takes the previous vote out. False when the new vote is the same as the stored one.
    /// </summary>
    private async Task<bool> TakeBackAsync(PollStanding standing, TallyDeltas deltas, IReadOnlyList<long> choices, string? other, CancellationToken cancellationToken)
    {
        var (pollId, questionId, userId) = (standing.Poll.Id, standing.Question.Id, standing.UserId);
        await LockParticipationAsync(pollId, userId, cancellationToken);
        var previous = await db.Votes.Where(v => v.PollId == pollId && v.UserId == userId).ToListAsync(cancellationToken);
        var previousOther = await db.OtherAnswers.Where(a => a.QuestionId == questionId && a.UserId == userId).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken);
        if (previous.Select(v => v.OptionId).ToHashSet().SetEquals(choices) && previousOther == other)
        {
            return false;
        }

        foreach (var vote in previous)
        {
            deltas.Add(vote.OptionId, vote.Department, vote.Site, -1);
        }

        await db.Votes.Where(v => v.PollId == pollId && v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.OtherAnswers.Where(a => a.QuestionId == questionId && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>The one-vote rule: true when this inserted the person's participation, false when it was there (or another request's insert won).</summary>
    private async Task<bool> InsertParticipationAsync(long pollId, string userId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Polls_Participations" ("PollId", "UserId") VALUES ({pollId}, {userId}) ON CONFLICT DO NOTHING""", cancellationToken) == 1;

    /// <summary>An update that changes nothing but holds the row's lock to the end of the transaction (SQLite locks the whole database anyway).</summary>
    private Task<int> LockParticipationAsync(long pollId, string userId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Polls_Participations" SET "UserId" = "UserId" WHERE "PollId" = {pollId} AND "UserId" = {userId}""", cancellationToken);

    private static string? Clip(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, MaxPlace)];
}
