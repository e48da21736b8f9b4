using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A person's named survey answers, question by question, and the surveys they took part in. The "polls" part of the
/// export already lists every participation (anonymous ones as "took part" only); this one adds the questions' texts.
/// </summary>
internal sealed class SurveysPersonalData(PollsDbContext db) : IPersonalDataContributor
{
    public const int MaxItems = 10_000;

    public string Name => "surveys";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var surveys = db.Polls.Where(p => p.Kind == PollKinds.Survey);
        var tookPart = await db.Participations.AsNoTracking().Where(p => p.UserId == userId)
            .Join(surveys, p => p.PollId, p => p.Id, (_, p) => new { surveyId = p.Id, title = p.Title, p.Anonymous })
            .OrderBy(p => p.surveyId).Take(MaxItems).ToListAsync(cancellationToken);
        var choices = await db.Votes.AsNoTracking().Where(v => v.UserId == userId)
            .Join(surveys, v => v.PollId, p => p.Id, (v, _) => v)
            .Join(db.Questions, v => v.QuestionId, q => q.Id, (v, q) => new { v.PollId, v.OptionId, question = q.Text })
            .Join(db.Options, v => v.OptionId, o => o.Id, (v, o) => new { surveyId = v.PollId, v.question, answer = o.Text })
            .OrderBy(v => v.surveyId).Take(MaxItems).ToListAsync(cancellationToken);
        var texts = await db.OtherAnswers.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Questions, a => a.QuestionId, q => q.Id, (a, q) => new { q.PollId, question = q.Text, answer = a.Text })
            .Join(surveys, a => a.PollId, p => p.Id, (a, _) => new { surveyId = a.PollId, a.question, a.answer })
            .OrderBy(a => a.surveyId).Take(MaxItems).ToListAsync(cancellationToken);
        return tookPart.Count == 0 ? null : new { tookPart, answers = choices.Concat(texts).OrderBy(a => a.surveyId).ToList() };
    }
}
