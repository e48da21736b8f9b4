using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// After a person is erased, their named survey answers go, with the tallies and counts they made, and their
/// participation. Registered before the polls' handler, which then finds nothing of them in named surveys and treats
/// anonymous ones as anonymous polls: the answer cannot be found (that is the point), so it stays counted, and the
/// participation stays under a random id that names nobody.
/// </summary>
internal sealed class SurveysErasureHandler(PollsDbContext db) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var userId = domainEvent.UserId;
        var named = await db.Participations.AsNoTracking().Where(p => p.UserId == userId)
            .Join(db.Polls.Where(p => p.Kind == PollKinds.Survey && !p.Anonymous), p => p.PollId, p => p.Id, (_, p) => p.Id).ToListAsync(cancellationToken);
        foreach (var surveyId in named)
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await RemoveAsync(surveyId, userId, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }

    private async Task RemoveAsync(long surveyId, string userId, CancellationToken cancellationToken)
    {
        var questionIds = await db.Questions.Where(q => q.PollId == surveyId).Select(q => q.Id).ToListAsync(cancellationToken);
        var parents = await db.SurveyQuestions.Where(q => q.PollId == surveyId && q.ParentQuestionId != null)
            .ToDictionaryAsync(q => q.QuestionId, q => q.ParentQuestionId!.Value, cancellationToken);
        var votes = await db.Votes.Where(v => v.PollId == surveyId && v.UserId == userId).ToListAsync(cancellationToken);
        var texts = await db.OtherAnswers.Where(a => questionIds.Contains(a.QuestionId) && a.UserId == userId).Select(a => a.QuestionId).ToListAsync(cancellationToken);
        var tallies = new SurveyTallies();
        foreach (var vote in votes)
        {
            tallies.Add(vote.QuestionId, vote.OptionId, vote.Department, vote.Site, -1);
        }

        var answered = votes.Select(v => v.QuestionId).Concat(texts).ToHashSet();
        answered.UnionWith([.. answered.Where(parents.ContainsKey).Select(q => parents[q])]);
        foreach (var questionId in answered)
        {
            tallies.AddAnswered(questionId, -1);
        }

        await db.Votes.Where(v => v.PollId == surveyId && v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.OtherAnswers.Where(a => questionIds.Contains(a.QuestionId) && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Participations.Where(p => p.PollId == surveyId && p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Polls.Where(p => p.Id == surveyId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ParticipantCount, p => p.ParticipantCount - 1), cancellationToken);
        await tallies.ApplyAsync(db, cancellationToken);
    }
}
