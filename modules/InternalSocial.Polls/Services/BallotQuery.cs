using System.Runtime.CompilerServices;
using InternalSocial.Polls.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InternalSocial.Polls.Services;

/// <summary>
/// <see cref="PollAccess.BallotAsync"/>'s query, compiled: every vote runs it, and building and looking up the LINQ
/// expression cost as much as running it. A compiled query belongs to one model, and tenants on SQLite and on
/// PostgreSQL have different ones: one compiled query per model.
/// </summary>
internal static class BallotQuery
{
    private static readonly ConditionalWeakTable<IModel, Func<PollsDbContext, long, IAsyncEnumerable<BallotRow>>> Compiled = [];

    public static IAsyncEnumerable<BallotRow> Run(PollsDbContext db, long pollId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Compiled.GetValue(db.Model, _ => Compile())(db, pollId);
    }

    private static Func<PollsDbContext, long, IAsyncEnumerable<BallotRow>> Compile() => EF.CompileAsyncQuery(
        (PollsDbContext db, long pollId) =>
            from poll in db.Polls.AsNoTracking()
            where poll.Id == pollId && poll.Kind == PollKinds.Poll
            join question in db.Questions.AsNoTracking() on poll.Id equals question.PollId
            from option in db.Options.AsNoTracking().Where(o => o.QuestionId == question.Id).DefaultIfEmpty()
            select new BallotRow(poll.ContainerKind, poll.ContainerId, poll.Anonymous, poll.ClosesUtc, poll.ClosedUtc, question.Id, question.Position, question.Kind, question.MaxChoices, question.AllowOther, (long?)option!.Id));
}
