using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Services;

/// <summary>
/// The polls' share of a person's data export: the polls they created, their named votes, and for anonymous polls
/// only that they took part (what they chose is stored nowhere with their name).
/// </summary>
internal sealed class PollsPersonalData(PollsDbContext db) : IPersonalDataContributor
{
    public const int MaxItems = 10_000;

    public string Name => "polls";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var created = await db.Polls.AsNoTracking().Where(p => p.AuthorId == userId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, question = p.Title, p.Anonymous, p.CreatedUtc }).Take(MaxItems).ToListAsync(cancellationToken);
        var votes = await db.Votes.AsNoTracking().Where(v => v.UserId == userId)
            .Join(db.Options, v => v.OptionId, o => o.Id, (v, o) => new { v.PollId, choice = o.Text })
            .Join(db.Polls, v => v.PollId, p => p.Id, (v, p) => new { pollId = p.Id, question = p.Title, v.choice })
            .OrderBy(v => v.pollId).Take(MaxItems).ToListAsync(cancellationToken);
        var others = await db.OtherAnswers.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Questions, a => a.QuestionId, q => q.Id, (a, q) => new { pollId = q.PollId, other = a.Text })
            .OrderBy(a => a.pollId).Take(MaxItems).ToListAsync(cancellationToken);
        var anonymous = await db.Participations.AsNoTracking().Where(p => p.UserId == userId)
            .Join(db.Polls.Where(p => p.Anonymous), p => p.PollId, p => p.Id, (_, p) => new { pollId = p.Id, question = p.Title, tookPart = true })
            .OrderBy(p => p.pollId).Take(MaxItems).ToListAsync(cancellationToken);
        return created.Count + votes.Count + others.Count + anonymous.Count == 0
            ? null
            : new { created, votes, otherAnswers = others, anonymousPollsTakenPart = anonymous };
    }
}
