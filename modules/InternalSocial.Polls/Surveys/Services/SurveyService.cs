using System.Security.Claims;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Surveys for the pages and the API: every permission and audience check is made here. A survey outside the reader's
/// audience is a 404, as one that does not exist. Results come from tallies and counters kept at answer time.
/// </summary>
internal sealed class SurveyService
{
    /// <summary>Creates a survey; 403 without Polls.CreateSurveys, 400 naming each invalid field.</summary>
    public Task<long> CreateAsync(ClaimsPrincipal user, SurveyInput input, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Replaces the whole survey (questions included) until its first response; 409 after it.</summary>
    public Task UpdateAsync(ClaimsPrincipal user, long surveyId, SurveyInput input, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The survey for the reader: its pages, questions, options, conditions, and whether they answered.</summary>
    public Task<SurveyView> GetAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The open surveys of the reader's audience, those not answered first, then newest first.</summary>
    public Task<SurveyList> ListForMeAsync(ClaimsPrincipal user, SurveyListQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The surveys the reader created (all of them for holders of Polls.Manage), newest first, for their management.</summary>
    public Task<SurveyList> ListManagedAsync(ClaimsPrincipal user, SurveyListQuery query, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Records a response: 400 naming <c>answers.{questionId}</c> for each invalid answer (wrong type, out of range,
    /// option of another question, missing required, answer to a question hidden by its condition); 409 when not open
    /// or already answered; 404 outside the audience.
    /// </summary>
    public Task SubmitAsync(ClaimsPrincipal user, long surveyId, SurveyResponseInput input, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The results, by department or site when <paramref name="breakdown"/> says so; 403 while hidden from the reader.</summary>
    public Task<SurveyResults> GetResultsAsync(ClaimsPrincipal user, long surveyId, string? breakdown, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>CSV: a named survey's author gets one row per respondent; an anonymous survey gives aggregates and shuffled free texts.</summary>
    public Task<CsvDocument> ExportCsvAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task CloseAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Opens a closed survey again, with a new closing time or none (one in the past is refused).</summary>
    public Task ReopenAsync(ClaimsPrincipal user, long surveyId, DateTime? closesUtc, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task DeleteAsync(ClaimsPrincipal user, long surveyId, CancellationToken cancellationToken) => throw new NotImplementedException();
}
