using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys;

/// <summary>Surveys as readers see them: one survey with its pages, and the lists, each read in a fixed number of queries.</summary>
internal sealed class SurveyViews(PollsDbContext db, SurveyAudiences audiences, IAuthorizationService authorization, TimeProvider clock)
{
    public const int PageSize = 20;

    public SurveyView View(SurveyStanding standing)
    {
        var (poll, survey) = (standing.Poll, standing.Survey);
        var now = Now;
        var status = standing.StatusAt(now);
        var questions = standing.Questions.Select(q => new SurveyQuestionView(
            q.Id, q.Extra.Page, q.Question.Position, q.Question.Text, q.Kind, q.Extra.Required, q.Question.MaxChoices,
            [.. q.Options.Select(o => new SurveyOptionView(o.Id, o.Text))],
            [.. q.Rows.Select(r => new SurveyRowView(r.Id, r.Question.Text, [.. r.Options.Select(o => new SurveyOptionView(o.Id, o.Text))]))],
            q.Extra.ShowWhenQuestionId is { } target ? new SurveyConditionView(target, q.Extra.ShowWhenOptionId ?? 0, q.Extra.ShowWhenOptionIds) : null)).ToList();
        var audience = standing.MayManage
            ? new SurveyAudienceView(survey.Everyone, Values(standing, AudienceKinds.Department), Values(standing, AudienceKinds.Site),
                [.. Values(standing, AudienceKinds.Group).Select(g => long.Parse(g, CultureInfo.InvariantCulture))])
            : null;
        var reminders = standing.MayManage ? new SurveyRemindersInput(survey.ReminderMode, survey.ReminderDays) : null;
        var seesResults = standing.MaySeeResults(now);
        return new SurveyView(poll.Id, poll.Title, poll.Description, poll.AuthorId, poll.Anonymous, poll.ResultsVisibility,
            survey.OpensUtc, poll.ClosesUtc, poll.ClosedUtc, status, poll.CreatedUtc,
            questions.Count == 0 ? 0 : questions.Max(q => q.Page), questions, standing.Answered,
            seesResults ? poll.ParticipantCount : null, audience, reminders,
            CanAnswer: standing.InAudience && !standing.Answered && status == SurveyStatuses.Open,
            CanEdit: standing.MayManage && poll.ParticipantCount == 0,
            CanManage: standing.MayManage,
            CanSeeResults: seesResults);
    }

    /// <summary>
    /// The open surveys of the reader's audience: not answered first, then newest first. One query for the page (the
    /// audience test and the "answered" flag in it), one for the pages and question counts of the whole page.
    /// </summary>
    public async Task<SurveyList> ForMeAsync(ClaimsPrincipal user, SurveyListQuery query, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var me = await audiences.MemberAsync(user, cancellationToken);
        var now = Now;
        var (department, site, groups, employee) = (me.Department ?? "", me.Site ?? "", me.GroupIds.ToList(), me.IsEmployee);
        var rows = from p in db.Polls.AsNoTracking()
                   join s in db.Surveys.AsNoTracking() on p.Id equals s.PollId
                   where p.Kind == PollKinds.Survey && p.ClosedUtc == null && (p.ClosesUtc == null || p.ClosesUtc > now)
                       && (s.OpensUtc == null || s.OpensUtc <= now)
                       && ((s.Everyone && employee) || db.SurveyAudiences.Any(a => a.PollId == p.Id
                           && ((a.Kind == AudienceKinds.Department && a.Value == department)
                               || (a.Kind == AudienceKinds.Site && a.Value == site)
                               || (a.Kind == AudienceKinds.Group && groups.Contains(a.Value)))))
                   select new { Poll = p, Survey = s, Answered = db.Participations.Any(x => x.PollId == p.Id && x.UserId == me.UserId) ? 1 : 0 };
        if (Cursor(query.Cursor) is { } cursor)
        {
            rows = rows.Where(r => r.Answered > cursor.Answered || (r.Answered == cursor.Answered && r.Poll.Id < cursor.Id));
        }

        var take = Math.Clamp(query.Take ?? PageSize, 1, 100);
        var page = await rows.OrderBy(r => r.Answered).ThenByDescending(r => r.Poll.Id).Take(take + 1).ToListAsync(cancellationToken);
        var viewsAll = await authorization.HasPermissionAsync(user, Permissions.ViewAllResults);
        var isManager = await authorization.HasPermissionAsync(user, Permissions.ManagePolls);
        var summaries = await SummariesAsync(page.Take(take).Select(r => new SurveyStanding(r.Poll, r.Survey, [], [], me.UserId,
            r.Poll.AuthorId == me.UserId, isManager, viewsAll, true, r.Answered == 1)).ToList(), cancellationToken);
        var last = page.Count > take ? page[take - 1] : null;
        return new SurveyList(summaries, last is null ? null : string.Create(CultureInfo.InvariantCulture, $"{last.Answered}.{last.Poll.Id}"));
    }

    /// <summary>The surveys the reader created, or all of them for holders of Polls.Manage or Polls.ViewAllResults; newest first.</summary>
    public async Task<SurveyList> ManagedAsync(ClaimsPrincipal user, SurveyListQuery query, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewPolls);
        var userId = user.GetUserId();
        var isManager = await authorization.HasPermissionAsync(user, Permissions.ManagePolls);
        var viewsAll = await authorization.HasPermissionAsync(user, Permissions.ViewAllResults);
        var rows = from p in db.Polls.AsNoTracking()
                   join s in db.Surveys.AsNoTracking() on p.Id equals s.PollId
                   where p.Kind == PollKinds.Survey && (isManager || viewsAll || p.AuthorId == userId)
                   select new { Poll = p, Survey = s, Answered = db.Participations.Any(x => x.PollId == p.Id && x.UserId == userId) };
        if (Cursor(query.Cursor) is { } cursor)
        {
            rows = rows.Where(r => r.Poll.Id < cursor.Id);
        }

        var take = Math.Clamp(query.Take ?? PageSize, 1, 100);
        var page = await rows.OrderByDescending(r => r.Poll.Id).Take(take + 1).ToListAsync(cancellationToken);
        var summaries = await SummariesAsync(page.Take(take).Select(r => new SurveyStanding(r.Poll, r.Survey, [], [], userId,
            r.Poll.AuthorId == userId, isManager, viewsAll, false, r.Answered)).ToList(), cancellationToken);
        return new SurveyList(summaries, page.Count > take ? string.Create(CultureInfo.InvariantCulture, $"0.{page[take - 1].Poll.Id}") : null);
    }

    /// <summary>The page's question and page counts in one query.</summary>
    private async Task<List<SurveySummary>> SummariesAsync(List<SurveyStanding> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(s => s.Poll.Id).ToList();
        var counts = await db.SurveyQuestions.AsNoTracking().Where(q => ids.Contains(q.PollId) && q.ParentQuestionId == null)
            .GroupBy(q => q.PollId).Select(g => new { PollId = g.Key, Questions = g.Count(), Pages = g.Max(q => q.Page) })
            .ToDictionaryAsync(g => g.PollId, cancellationToken);
        var now = Now;
        return [.. page.Select(s => new SurveySummary(s.Poll.Id, s.Poll.Title, s.Poll.Description, s.Poll.Anonymous, s.Survey.OpensUtc, s.Poll.ClosesUtc,
            s.StatusAt(now), counts.GetValueOrDefault(s.Poll.Id)?.Questions ?? 0, counts.GetValueOrDefault(s.Poll.Id)?.Pages ?? 0, s.Answered,
            s.MaySeeResults(now) ? s.Poll.ParticipantCount : null))];
    }

    private static (int Answered, long Id)? Cursor(string? cursor)
    {
        var parts = cursor?.Split('.');
        return parts is [var answered, var id] && int.TryParse(answered, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? (a, i) : null;
    }

    private static List<string> Values(SurveyStanding standing, string kind) => [.. standing.Audience.Where(a => a.Kind == kind).Select(a => a.Value)];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
