using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Polls.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Polls.Surveys;

/// <summary><c>/api/v1/surveys</c>: create, read, answer, close and reopen surveys, their results and CSV.</summary>
internal static class SurveysApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("surveys", "Surveys").RequireAuthorization();
        api.MapGet("", ListSurveys).WithSummary("The open surveys of the reader's audience, those not answered yet first, 20 a page (the previous page's nextCursor).");
        api.MapPost("", CreateSurvey).WithSummary("Create a survey (Polls.CreateSurveys): pages of questions, conditions, audience, window, reminders. 400 naming each invalid field, e.g. questions[3].showWhen.");
        api.MapGet("/{id:long}", GetSurvey).WithSummary("A survey with its pages, questions, options and conditions, and whether the reader answered. 404 outside its audience.");
        api.MapPut("/{id:long}", UpdateSurvey).WithSummary("Replace a survey (its author, moderators) until its first response; 409 after it.");
        api.MapDelete("/{id:long}", DeleteSurvey).WithSummary("Delete the survey and its answers (its author, moderators).");
        api.MapPost("/{id:long}/responses", Respond).WithSummary("Answer: {answers:{questionId: value}}. 400 naming answers.{questionId} for each invalid answer; 409 when not open or already answered; 404 outside the audience.");
        api.MapGet("/{id:long}/results", GetResults).WithSummary("Counts and percentages per question, averages and the NPS score, by department or site with breakdown (cells under 5 answers merged). 403 while hidden from the reader.");
        api.MapGet("/{id:long}/questions/{questionId:long}/texts", GetTexts).WithSummary("A free-text question's answers, take (1 to 100, 50 by default) a page after the previous page's nextCursor, in an order that follows neither time nor person. To the survey's author, moderators and directors; 403 for others.");
        api.MapGet("/{id:long}/results.csv", ExportResults).WithSummary("The results as CSV: one row per respondent for a named survey's author and moderators; aggregates and shuffled free texts for an anonymous one. Formula cells are escaped.");
        api.MapPost("/{id:long}/close", CloseSurvey).WithSummary("Close the survey now (its author, moderators). 409 when closed already.");
        api.MapPost("/{id:long}/reopen", ReopenSurvey).WithSummary("Reopen a closed survey, with a new closing time (closesAt) or none (its author, moderators).");
    }

    public static async Task<Ok<SurveyList>> ListSurveys(string? cursor, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await surveys.ListForMeAsync(user, new SurveyListQuery(cursor), cancellationToken));

    public static async Task<Created<SurveyCreated>> CreateSurvey(SurveyInput? input, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken)
    {
        var id = await surveys.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{title, questions, anonymous, resultsVisibility, opensAt, closesAt, audience, reminders}"), cancellationToken);
        return TypedResults.Created($"/api/v1/surveys/{id}", new SurveyCreated(id));
    }

    public static async Task<Ok<SurveyView>> GetSurvey(long id, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await surveys.GetAsync(user, id, cancellationToken));

    public static async Task<NoContent> UpdateSurvey(long id, SurveyInput? input, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken)
    {
        await surveys.UpdateAsync(user, id, input ?? throw InvalidInputException.BodyRequired("{title, questions, …}"), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteSurvey(long id, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken)
    {
        await surveys.DeleteAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> Respond(long id, SurveyResponseInput? input, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken)
    {
        await surveys.SubmitAsync(user, id, input ?? throw InvalidInputException.BodyRequired("{answers}"), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SurveyResults>> GetResults(long id, string? breakdown, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await surveys.GetResultsAsync(user, id, breakdown, cancellationToken));

    public static async Task<Ok<SurveyTextPage>> GetTexts(long id, long questionId, string? after, int? take, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await surveys.GetTextsAsync(user, id, questionId, after, take, cancellationToken));

    public static async Task<FileContentHttpResult> ExportResults(long id, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken)
    {
        var csv = await surveys.ExportCsvAsync(user, id, cancellationToken);
        return TypedResults.File(CsvText.Bytes(csv.Content), CsvText.ContentType, csv.FileName);
    }

    public static async Task<NoContent> CloseSurvey(long id, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken)
    {
        await surveys.CloseAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ReopenSurvey(long id, ReopenRequest? request, ClaimsPrincipal user, SurveyService surveys, CancellationToken cancellationToken)
    {
        await surveys.ReopenAsync(user, id, request?.ClosesAt?.UtcDateTime, cancellationToken);
        return TypedResults.NoContent();
    }
}
