using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Who may read a survey: its audience, its author, holders of Polls.Manage or Polls.ViewAllResults; for anyone else
/// it does not exist (404), so a survey's existence is not told outside its audience.
/// </summary>
internal sealed class SurveyAccess(PollsDbContext db, IAuthorizationService authorization, SurveyAudiences audiences, IStringLocalizer<ModuleResources> T)
{
    public async Task<SurveyStanding> ReadAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var poll = await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.Id == surveyId && p.Kind == PollKinds.Survey, cancellationToken);
        var survey = poll is null ? null : await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.PollId == surveyId, cancellationToken);
        if (poll is null || survey is null)
        {
            throw NotFound(surveyId);
        }

        var audience = await db.SurveyAudiences.AsNoTracking().Where(a => a.PollId == surveyId).ToListAsync(cancellationToken);
        var member = await audiences.MemberAsync(user, cancellationToken);
        var isAuthor = poll.AuthorId == member.UserId;
        var isManager = await authorization.HasPermissionAsync(user, Permissions.ManagePolls);
        var viewsAll = await authorization.HasPermissionAsync(user, Permissions.ViewAllResults);
        var inAudience = SurveyAudiences.Includes(member, survey, audience);
        if (!inAudience && !isAuthor && !isManager && !viewsAll)
        {
            throw NotFound(surveyId);
        }

        var answered = await db.Participations.AnyAsync(p => p.PollId == surveyId && p.UserId == member.UserId, cancellationToken);
        return new SurveyStanding(poll, survey, audience, await LoadQuestionsAsync(surveyId, cancellationToken), member.UserId,
            isAuthor, isManager, viewsAll, inAudience, answered);
    }

    public NotFoundException NotFound(long surveyId) => new(T["No survey with id {0}.", surveyId]);

    public void EnsureMayManage(SurveyStanding standing)
    {
        if (!standing.MayManage)
        {
            throw new PermissionDeniedException(Permissions.ManagePolls, T["Only the survey's author or a moderator may do this."]);
        }
    }

    /// <summary>The questions in order with their options and matrix rows: three queries whatever the size.</summary>
    public async Task<IReadOnlyList<SurveyItem>> LoadQuestionsAsync(long surveyId, CancellationToken cancellationToken)
    {
        var questions = await db.Questions.AsNoTracking().Where(q => q.PollId == surveyId).ToListAsync(cancellationToken);
        var extras = await db.SurveyQuestions.AsNoTracking().Where(q => q.PollId == surveyId).ToDictionaryAsync(q => q.QuestionId, cancellationToken);
        var ids = questions.Select(q => q.Id).ToList();
        var options = (await db.Options.AsNoTracking().Where(o => ids.Contains(o.QuestionId)).ToListAsync(cancellationToken))
            .GroupBy(o => o.QuestionId).ToDictionary(g => g.Key, g => (IReadOnlyList<PollOption>)[.. g.OrderBy(o => o.Position)]);
        var items = questions.Where(q => extras.ContainsKey(q.Id)).Select(q => (Question: q, Extra: extras[q.Id])).ToList();
        SurveyItem Build(PollQuestion q, SurveyQuestion extra) => new(q, extra, options.GetValueOrDefault(q.Id) ?? [],
            [.. items.Where(r => r.Extra.ParentQuestionId == q.Id).OrderBy(r => r.Question.Position).Select(r => Build(r.Question, r.Extra))]);
        return [.. items.Where(i => i.Extra.ParentQuestionId is null).OrderBy(i => i.Question.Position).Select(i => Build(i.Question, i.Extra))];
    }
}
