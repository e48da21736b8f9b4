using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Surveys for the pages and the API: every permission and audience check is made here. A survey outside the reader's
/// audience is a 404, as one that does not exist. Results come from tallies and counters kept at answer time.
/// </summary>
internal sealed class SurveyService(
    PollsDbContext db,
    SurveyAccess access,
    SurveyValidator validator,
    SurveyWriter writer,
    SurveyAudiences audiences,
    SurveyAnswerChecker checker,
    SurveyResponseWriter responses,
    SurveyResultsReader results,
    SurveyCsvWriter csv,
    SurveyViews views,
    IAuthorizationService authorization,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>Creates a survey; 403 without Polls.CreateSurveys, 400 naming each invalid field.</summary>
    public async Task<long> CreateAsync(ClaimsPrincipal user, SurveyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.CreateSurveys);
        var valid = await ValidateAsync(user, input, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var poll = await writer.InsertAsync(valid, user.GetUserId(), recipeKey: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return poll.Id;
    }

    /// <summary>Replaces the whole survey (questions included) until its first response; 409 after it.</summary>
    public async Task UpdateAsync(ClaimsPrincipal user, long surveyId, SurveyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var standing = await access.ReadAsync(user, surveyId, cancellationToken);
        access.EnsureMayManage(standing);
        var valid = await ValidateAsync(user, input, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Holds the poll row (a response's count update waits for it) and checks nobody answered in between.
        var unanswered = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Polls_Polls" SET "ParticipantCount" = 0 WHERE "Id" = {surveyId} AND "ParticipantCount" = 0""", cancellationToken);
        if (unanswered == 0)
        {
            throw new ConflictException(T["This survey has responses: it can no longer be changed."]);
        }

        await writer.ReplaceAsync(standing.Poll, valid, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The survey for the reader: its pages, questions, options, conditions, and whether they answered.</summary>
    public async Task<SurveyView> GetAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken) =>
        views.View(await access.ReadAsync(user, surveyId, cancellationToken));

    /// <summary>The open surveys of the reader's audience, those not answered first, then newest first.</summary>
    public Task<SurveyList> ListForMeAsync(ClaimsPrincipal user, SurveyListQuery query, CancellationToken cancellationToken) =>
        views.ForMeAsync(user, query ?? new SurveyListQuery(), cancellationToken);

    /// <summary>The surveys the reader created (all of them for holders of Polls.Manage), newest first, for their management.</summary>
    public Task<SurveyList> ListManagedAsync(ClaimsPrincipal user, SurveyListQuery query, CancellationToken cancellationToken) =>
        views.ManagedAsync(user, query ?? new SurveyListQuery(), cancellationToken);

    /// <summary>
    /// Records a response: 400 naming <c>answers.{questionId}</c> for each invalid answer (wrong type, out of range,
    /// option of another question, missing required, answer to a question hidden by its condition); 409 when not open
    /// or already answered; 404 outside the audience.
    /// </summary>
    public async Task SubmitAsync(ClaimsPrincipal user, long surveyId, SurveyResponseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var standing = await access.ReadAsync(user, surveyId, cancellationToken);
        if (!standing.InAudience)
        {
            throw access.NotFound(surveyId);
        }

        var status = standing.StatusAt(Now);
        if (status != SurveyStatuses.Open)
        {
            throw new ConflictException(status == SurveyStatuses.Closed ? T["This survey is closed."] : T["This survey is not open yet."]);
        }

        if (standing.Answered)
        {
            throw new ConflictException(T["You have already answered this survey."]);
        }

        await responses.WriteAsync(standing, checker.Check(standing.Questions, input), cancellationToken);
    }

    /// <summary>The results, by department or site when <paramref name="breakdown"/> says so; 403 while hidden from the reader.</summary>
    public async Task<SurveyResults> GetResultsAsync(ClaimsPrincipal user, long surveyId, string? breakdown, CancellationToken cancellationToken) =>
        await GetResultsAsync(user, surveyId, breakdown, SurveyResultsReader.MaxTexts, cancellationToken);

    /// <summary>The results with at most <paramref name="textsPerQuestion"/> free texts per question (the page shows a few and links to the rest).</summary>
    public async Task<SurveyResults> GetResultsAsync(ClaimsPrincipal user, long surveyId, string? breakdown, int textsPerQuestion, CancellationToken cancellationToken)
    {
        if (breakdown is not null and not TallyDimensions.Department and not TallyDimensions.Site)
        {
            throw new InvalidInputException("breakdown", T["The breakdown must be department or site."]);
        }

        return await results.ReadAsync(await ReadResultsAsync(user, surveyId, cancellationToken), breakdown, Now, textsPerQuestion, cancellationToken);
    }

    /// <summary>
    /// One free-text question's answers, a page at a time (<paramref name="after"/>: the previous page's cursor), to those
    /// who see the survey's free texts; 403 to others, 404 for a question that is not a free text of this survey.
    /// </summary>
    public async Task<SurveyTextPage> GetTextsAsync(ClaimsPrincipal user, long surveyId, long questionId, string? after, int? take, CancellationToken cancellationToken)
    {
        var standing = await ReadResultsAsync(user, surveyId, cancellationToken);
        if (!standing.MaySeeAnswers)
        {
            throw new PermissionDeniedException(Permissions.ViewAllResults, T["Only the survey's author and moderators see its free texts."]);
        }

        if (!standing.Questions.Any(q => q.Id == questionId && q.Kind == SurveyQuestionKinds.Text))
        {
            throw new NotFoundException(T["No free-text question with id {0} in this survey.", questionId]);
        }

        Guid? cursor = null;
        if (after is not null)
        {
            cursor = Guid.TryParse(after, out var key) ? key : throw new InvalidInputException("after", T["This cursor does not come from this list."]);
        }

        var size = take ?? SurveyTextPage.DefaultTake;
        return size is >= 1 and <= SurveyTextPage.MaxTake
            ? await results.TextPageAsync(questionId, cursor, size, cancellationToken)
            : throw new InvalidInputException("take", T["Take between 1 and {0}.", SurveyTextPage.MaxTake]);
    }

    /// <summary>CSV: a named survey's author gets one row per respondent; an anonymous survey gives aggregates and shuffled free texts.</summary>
    public async Task<CsvDocument> ExportCsvAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken) =>
        await csv.WriteAsync(await ReadResultsAsync(user, surveyId, cancellationToken), Now, cancellationToken);

    public async Task CloseAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken)
    {
        var standing = await access.ReadAsync(user, surveyId, cancellationToken);
        access.EnsureMayManage(standing);
        if (standing.Poll.ClosedUtc is not null)
        {
            throw new ConflictException(T["This survey is closed already."]);
        }

        await db.Polls.Where(p => p.Id == surveyId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedUtc, Now), cancellationToken);
        // The announcement is claimed, so the background task (its closing time passing at this instant) or a second
        // close at once does not announce it again.
        var claimed = await db.Surveys.Where(s => s.PollId == surveyId && !s.ClosingAnnounced).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosingAnnounced, true), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var poll = standing.Poll;
        await events.PublishAsync(new PollClosed(surveyId, poll.Title, poll.ResultsVisibility, poll.ParticipantCount, user.GetUserId()), cancellationToken);
    }

    /// <summary>Opens a closed survey again, with a new closing time or none (one in the past is refused).</summary>
    public async Task ReopenAsync(ClaimsPrincipal user, long surveyId, DateTime? closesUtc, CancellationToken cancellationToken)
    {
        var standing = await access.ReadAsync(user, surveyId, cancellationToken);
        access.EnsureMayManage(standing);
        if (closesUtc is { } closes && closes.ToUniversalTime() <= Now)
        {
            throw new InvalidInputException("closesAt", T["The closing time must be in the future."]);
        }

        if (!standing.Poll.IsClosedAt(Now))
        {
            throw new ConflictException(T["This survey is open."]);
        }

        var deadline = closesUtc?.ToUniversalTime();
        await db.Polls.Where(p => p.Id == surveyId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedUtc, (DateTime?)null).SetProperty(p => p.ClosesUtc, deadline), cancellationToken);
        await db.Surveys.Where(s => s.PollId == surveyId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosingAnnounced, false), cancellationToken);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken)
    {
        var standing = await access.ReadAsync(user, surveyId, cancellationToken);
        access.EnsureMayManage(standing);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var questionIds = await db.Questions.Where(q => q.PollId == surveyId).Select(q => q.Id).ToListAsync(cancellationToken);
        await db.Tallies.Where(t => questionIds.Contains(t.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        await db.OtherAnswers.Where(a => questionIds.Contains(a.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        await db.Votes.Where(v => v.PollId == surveyId).ExecuteDeleteAsync(cancellationToken);
        await db.Participations.Where(p => p.PollId == surveyId).ExecuteDeleteAsync(cancellationToken);
        await db.Options.Where(o => questionIds.Contains(o.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        await db.SurveyQuestions.Where(q => q.PollId == surveyId).ExecuteDeleteAsync(cancellationToken);
        await db.Questions.Where(q => q.PollId == surveyId).ExecuteDeleteAsync(cancellationToken);
        await db.SurveyAudiences.Where(a => a.PollId == surveyId).ExecuteDeleteAsync(cancellationToken);
        await db.Surveys.Where(s => s.PollId == surveyId).ExecuteDeleteAsync(cancellationToken);
        await db.Polls.Where(p => p.Id == surveyId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The checks of the input, and that an audience names only groups the author may read.</summary>
    private async Task<ValidSurvey> ValidateAsync(ClaimsPrincipal user, SurveyInput input, CancellationToken cancellationToken)
    {
        var (valid, errors) = validator.Validate(input);
        if (valid is { GroupIds.Count: > 0 })
        {
            var readable = await audiences.ReadableGroupsAsync(user, valid.GroupIds, cancellationToken);
            if (valid.GroupIds.Any(g => !readable.Contains(g)))
            {
                errors["audience.groupIds"] = audiences.GroupsAvailable ? T["No group with one of these ids."] : T["Surveys cannot target groups: that feature is off."];
            }
        }

        return errors.Count == 0 && valid is not null ? valid : throw new InvalidInputException(errors);
    }

    private async Task<SurveyStanding> ReadResultsAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken)
    {
        var standing = await access.ReadAsync(user, surveyId, cancellationToken);
        return standing.MaySeeResults(Now)
            ? standing
            : throw new PermissionDeniedException(Permissions.ViewPolls, T["The results of this survey are not shown yet."]);
    }
}
