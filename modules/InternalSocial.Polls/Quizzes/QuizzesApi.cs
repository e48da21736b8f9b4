using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Polls.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Polls.Quizzes;

/// <summary><c>/api/v1/quizzes</c>: create, read, attempt, close and reopen quizzes, their leaderboard, results and CSV.</summary>
internal static class QuizzesApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("quizzes", "Quizzes").RequireAuthorization();
        api.MapGet("", ListQuizzes).WithSummary("The newest quizzes the reader may take, wherever they are, with the reader's attempts left and best attempt: take (1 to 50, 50 by default) a page after the previous page's nextCursor.");
        api.MapPost("", CreateQuiz).WithSummary("Create a quiz, standalone or in a post (postId) or group (groupId): questions with their correct options and explanation, passMark, maxAttempts (none: no limit), leaderboard, passingAcknowledges. 400 naming each invalid field; a quiz is never anonymous.");
        api.MapGet("/{id:long}", GetQuiz).WithSummary("A quiz with the reader's attempts left and best attempt; correctOptionIds and explanation only once the reader has submitted an attempt.");
        api.MapDelete("/{id:long}", DeleteQuiz).WithSummary("Delete the quiz and its attempts (its author, moderators).");
        api.MapPost("/{id:long}/attempts", SubmitAttempt).WithSummary("Submit an attempt {answers: {questionId: [optionId]}, showOnLeaderboard}: the score, passed, and per question correct, the correct option ids and the explanation. 400 naming answers.{questionId}; 409 when closed or no attempts are left.");
        api.MapGet("/{id:long}/attempts", GetMyAttempts).WithSummary("The reader's own attempts, first to last.");
        api.MapGet("/{id:long}/leaderboard", GetLeaderboard).WithSummary("Best scores of those who chose to appear, ties to the earliest, take (1 to 100, 20 by default) a page after the cursor of the previous page's Link rel=\"next\" header. 403 for a quiz without a leaderboard.");
        api.MapGet("/{id:long}/results", GetQuizResults).WithSummary("Attempts, pass rate and the share of correct answers per question (its author, moderators, directors).");
        api.MapGet("/{id:long}/results.csv", ExportQuizResults).WithSummary("One row per attempt, then the share correct per question, as CSV; formula cells are escaped (its author, moderators, directors).");
        api.MapPost("/{id:long}/close", CloseQuiz).WithSummary("Close the quiz now (its author, moderators). 409 when closed already.");
        api.MapPost("/{id:long}/reopen", ReopenQuiz).WithSummary("Reopen a closed quiz, with a new deadline (closesAt) or none (its author, moderators).");
    }

    public static async Task<Ok<QuizList>> ListQuizzes(string? after, int? take, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await quizzes.ListAsync(user, after, take, cancellationToken));

    public static async Task<Created<PollCreated>> CreateQuiz(QuizInput? input, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken)
    {
        var id = await quizzes.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{title, questions, passMark, maxAttempts, leaderboard, passingAcknowledges, closesAt, postId, groupId}"), cancellationToken);
        return TypedResults.Created($"/api/v1/quizzes/{id}", new PollCreated(id));
    }

    public static async Task<Ok<QuizView>> GetQuiz(long id, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await quizzes.GetAsync(user, id, cancellationToken));

    public static async Task<NoContent> DeleteQuiz(long id, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken)
    {
        await quizzes.DeleteAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<AttemptResult>> SubmitAttempt(long id, AttemptInput? input, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await quizzes.SubmitAsync(user, id, input ?? throw InvalidInputException.BodyRequired("{answers, showOnLeaderboard}"), cancellationToken));

    public static async Task<Ok<IReadOnlyList<AttemptSummary>>> GetMyAttempts(long id, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await quizzes.MyAttemptsAsync(user, id, cancellationToken));

    /// <summary>
    /// The body stays the array it always was; the next page is named the standard way (RFC 8288), so clients reading the
    /// first page only see no change.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<LeaderboardEntry>>> GetLeaderboard(long id, string? after, int? take, HttpContext context, QuizService quizzes, CancellationToken cancellationToken)
    {
        var page = await quizzes.LeaderboardAsync(context.User, id, after, take, cancellationToken);
        if (page.NextCursor is { } next)
        {
            var size = take is { } t ? $"&take={t.ToString(CultureInfo.InvariantCulture)}" : "";
            context.Response.Headers.Link = $"</api/v1/quizzes/{id.ToString(CultureInfo.InvariantCulture)}/leaderboard?after={Uri.EscapeDataString(next)}{size}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Entries);
    }

    public static async Task<Ok<QuizResults>> GetQuizResults(long id, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await quizzes.ResultsAsync(user, id, cancellationToken));

    public static async Task<FileContentHttpResult> ExportQuizResults(long id, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken)
    {
        var csv = await quizzes.ExportCsvAsync(user, id, cancellationToken);
        return TypedResults.File(CsvText.Bytes(csv.Content), CsvText.ContentType, csv.FileName);
    }

    public static async Task<NoContent> CloseQuiz(long id, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken)
    {
        await quizzes.CloseAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ReopenQuiz(long id, ReopenRequest? request, ClaimsPrincipal user, QuizService quizzes, CancellationToken cancellationToken)
    {
        await quizzes.ReopenAsync(user, id, request?.ClosesAt?.UtcDateTime, cancellationToken);
        return TypedResults.NoContent();
    }
}
