using InternalSocial.Kernel;
using InternalSocial.Polls.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>
/// Writes votes: the participation's key decides whether this is the person's first answer (two requests at once give
/// one vote), and the vote, its tallies and the poll's participant count change in one transaction. An anonymous
/// answer writes no row that names the voter next to a choice: only the participation (who) and tallies (what).
/// Votes go through <see cref="VoteBatcher"/>, which commits those sent at the same time together.
/// </summary>
internal sealed class VoteWriter(PollsDbContext db, VoteBatcher batcher, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const int MaxPlace = 100;

    /// <summary>
    /// A first vote, or a change of a named vote. A second answer to an anonymous poll (even one sent at the same
    /// instant as the first) is a 409; the same named vote sent twice is a change to the same choices, which changes nothing.
    /// </summary>
    public async Task VoteAsync(PollBallot ballot, IReadOnlyList<long> choices, string? other, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var vote = new PendingVote(ballot.PollId, ballot.QuestionId, ballot.Anonymous, ballot.UserId, choices, other, Clip(ballot.Department), Clip(ballot.Site));

        // Inside a transaction already open (a recipe's), the vote is part of it rather than of a batch.
        var outcome = db.Database.CurrentTransaction is null ? await batcher.WriteAsync(vote) : (await WriteBatchAsync([vote], cancellationToken))[0];
        switch (outcome)
        {
            case VoteOutcome.AlreadyAnswered:
                throw new ConflictException(T["You have already answered this anonymous poll; anonymous votes are final."]);
            case VoteOutcome.PollChanged:
                throw new ConflictException(T["The poll changed while you voted; please try again."]);
        }
    }

    /// <summary>
    /// Writes the votes in one transaction, one after the other (a person's second vote in the batch sees the first),
    /// then the rows every vote changes, once for the batch and last, so they stay locked for the shortest time:
    /// the polls' participant counts and the tallies.
    /// </summary>
    public async Task<IReadOnlyList<VoteOutcome>> WriteBatchAsync(IReadOnlyList<PendingVote> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var transaction = await BeginAsync(cancellationToken);
        var deltas = new SortedDictionary<long, TallyDeltas>();
        var participants = new SortedDictionary<(long PollId, bool Anonymous), int>();
        var outcomes = new List<VoteOutcome>(batch.Count);
        foreach (var vote in batch)
        {
            if (!deltas.TryGetValue(vote.QuestionId, out var tallies))
            {
                deltas[vote.QuestionId] = tallies = new TallyDeltas(vote.QuestionId);
            }

            var (outcome, first) = await WriteOneAsync(vote, tallies, cancellationToken);
            outcomes.Add(outcome);
            if (first)
            {
                participants[(vote.PollId, vote.Anonymous)] = participants.GetValueOrDefault((vote.PollId, vote.Anonymous)) + 1;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ((pollId, anonymous), count) in participants)
        {
            // The anonymity read before must still hold: it is frozen by the first vote, not changed under it.
            if (await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "Polls_Polls" SET "ParticipantCount" = "ParticipantCount" + {count}, "FirstVoteUtc" = COALESCE("FirstVoteUtc", {now}) WHERE "Id" = {pollId} AND "Anonymous" = {anonymous}""",
                cancellationToken) == 0)
            {
                // Alone, the vote is refused; in a batch, the batcher writes each vote again on its own.
                return batch.Count == 1 ? [VoteOutcome.PollChanged] : throw new InvalidOperationException("A poll changed under a batch of votes.");
            }
        }

        foreach (var tallies in deltas.Values)
        {
            await tallies.ApplyAsync(db, cancellationToken);
        }

        await CommitAsync(transaction, cancellationToken);
        return outcomes;
    }

    /// <summary>One vote of a batch; true with it when it is the person's first answer to the poll.</summary>
    private async Task<(VoteOutcome Outcome, bool First)> WriteOneAsync(PendingVote vote, TallyDeltas deltas, CancellationToken cancellationToken)
    {
        var first = await InsertParticipationAsync(vote.PollId, vote.UserId, cancellationToken);
        if (!first && vote.Anonymous)
        {
            return (VoteOutcome.AlreadyAnswered, false);
        }

        if (!first && !await TakeBackAsync(vote, deltas, cancellationToken))
        {
            return (VoteOutcome.Written, false);
        }

        foreach (var optionId in vote.Choices)
        {
            deltas.Add(optionId, vote.Department, vote.Site, 1);
            if (!vote.Anonymous)
            {
                // A statement, not a tracked entity: the batch's one writer runs every vote after the other, and a
                // save's change detection for one row costs more than the insert itself.
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""INSERT INTO "Polls_Votes" ("QuestionId", "OptionId", "UserId", "PollId", "Department", "Site") VALUES ({vote.QuestionId}, {optionId}, {vote.UserId}, {vote.PollId}, {vote.Department}, {vote.Site})""",
                    cancellationToken);
            }
        }

        if (vote.Other is not null)
        {
            db.OtherAnswers.Add(new PollOtherAnswer { Id = Guid.NewGuid(), QuestionId = vote.QuestionId, UserId = vote.Anonymous ? null : vote.UserId, Text = vote.Other });
            await db.SaveChangesAsync(cancellationToken);

            // The same person may answer again later in the batch: nothing stays tracked.
            db.ChangeTracker.Clear();
        }

        return (VoteOutcome.Written, first);
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
    private async Task<bool> TakeBackAsync(PendingVote vote, TallyDeltas deltas, CancellationToken cancellationToken)
    {
        var (pollId, questionId, userId) = (vote.PollId, vote.QuestionId, vote.UserId);
        await LockParticipationAsync(pollId, userId, cancellationToken);
        var previous = await db.Votes.AsNoTracking().Where(v => v.PollId == pollId && v.UserId == userId).ToListAsync(cancellationToken);
        var previousOther = await db.OtherAnswers.AsNoTracking().Where(a => a.QuestionId == questionId && a.UserId == userId).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken);
        if (previous.Select(v => v.OptionId).ToHashSet().SetEquals(vote.Choices) && previousOther == vote.Other)
        {
            return false;
        }

        foreach (var taken in previous)
        {
            deltas.Add(taken.OptionId, taken.Department, taken.Site, -1);
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
