using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Polls.Endpoints;

/// <summary><c>/api/v1/polls</c>: create, read, vote, close and reopen polls, their results and CSV.</summary>
internal static class PollsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("polls", "Polls").RequireAuthorization();
        api.MapGet("", ListPolls).WithSummary("Polls newest first, 20 a page (the previous page's nextCursor): the standalone ones, or those of one post (postId) or group (groupId).");
        api.MapPost("", CreatePoll).WithSummary("Create a poll, standalone or in a post (postId) or group (groupId). 400 naming each invalid field.");
        api.MapGet("/{id:long}", GetPoll).WithSummary("A poll with the reader's own vote; option votes only when the results are shown to the reader. votesAreFinal: anonymous votes cannot be changed.");
        api.MapDelete("/{id:long}", DeletePoll).WithSummary("Delete the poll and its answers (its author, moderators).");
        api.MapPost("/{id:long}/votes", Vote).WithSummary("Vote, or change a named vote, with the chosen option ids (and other when allowed). 409 when closed, over maxChoices or already answered anonymously; 400 for an option of another poll.");
        api.MapDelete("/{id:long}/votes", Retract).WithSummary("Take back one's named vote until the poll closes. 409 for an anonymous poll.");
        api.MapPost("/{id:long}/close", ClosePoll).WithSummary("Close the poll now (its author, moderators). 409 when closed already.");
        api.MapPost("/{id:long}/reopen", ReopenPoll).WithSummary("Reopen a closed poll, with a new deadline (closesAt) or none (its author, moderators).");
        api.MapGet("/{id:long}/results", GetResults).WithSummary("Votes and percentages per option, by department or site with breakdown (cells under 5 votes merged into 'other'). 403 while the results are hidden from the reader.");
        api.MapGet("/{id:long}/results.csv", ExportResults).WithSummary("The results as CSV; for a named poll, to its author and moderators, one row per voter. Formula cells are escaped. 403 while hidden.");
    }

    public static async Task<Ok<PollPageResponse>> ListPolls(long? postId, long? groupId, string? cursor, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        var page = await polls.ListAsync(user, new PollListQuery(postId, groupId, cursor), cancellationToken);
        return TypedResults.Ok(new PollPageResponse([.. page.Polls.Select(PollResponse.From)], page.NextCursor));
    }

    public static async Task<Created<PollCreated>> CreatePoll(PollInput? input, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        var id = await polls.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{question, options, multiple, maxChoices, allowOther, anonymous, resultsVisibility, closesAt, postId, groupId}"), cancellationToken);
        return TypedResults.Created($"/api/v1/polls/{id}", new PollCreated(id));
    }

    public static async Task<Ok<PollResponse>> GetPoll(long id, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken) =>
        TypedResults.Ok(PollResponse.From(await polls.GetAsync(user, id, cancellationToken)));

    public static async Task<NoContent> DeletePoll(long id, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        await polls.DeleteAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> Vote(long id, VoteInput? input, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        await polls.VoteAsync(user, id, input ?? throw InvalidInputException.BodyRequired("{choices, other}"), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> Retract(long id, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        await polls.RetractAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ClosePoll(long id, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        await polls.CloseAsync(user, id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ReopenPoll(long id, ReopenRequest? request, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        await polls.ReopenAsync(user, id, request?.ClosesAt?.UtcDateTime, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<PollResults>> GetResults(long id, string? breakdown, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken) =>
        TypedResults.Ok(await polls.GetResultsAsync(user, id, breakdown, cancellationToken));

    public static async Task<FileContentHttpResult> ExportResults(long id, ClaimsPrincipal user, PollService polls, CancellationToken cancellationToken)
    {
        var csv = await polls.ExportCsvAsync(user, id, cancellationToken);
        return TypedResults.File(CsvText.Bytes(csv.Content), CsvText.ContentType, csv.FileName);
    }
}
