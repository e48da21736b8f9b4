using System.Text.Json.Serialization;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Endpoints;

/// <summary>A poll in the API; <c>votes</c> and <c>participantCount</c> are absent while the results are hidden from the reader.</summary>
internal sealed record PollResponse(
    long Id,
    string Question,
    string Description,
    string AuthorId,
    long? PostId,
    long? GroupId,
    bool Multiple,
    int? MaxChoices,
    bool AllowOther,
    bool Anonymous,
    bool VotesAreFinal,
    string ResultsVisibility,
    DateTime? ClosesAt,
    DateTime? ClosedAt,
    bool Closed,
    DateTime CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ParticipantCount,
    IReadOnlyList<PollOptionResponse> Options,
    bool Voted,
    IReadOnlyList<long> MyChoices,
    string? MyOther,
    bool CanVote,
    bool CanChangeVote,
    bool CanClose,
    bool CanDelete,
    bool CanSeeResults)
{
    public static PollResponse From(PollView poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return new(
            poll.Id, poll.Question, poll.Description, poll.AuthorId,
            poll.Container?.Kind == Models.ContainerKinds.Post ? poll.Container.Id : null,
            poll.Container?.Kind == Models.ContainerKinds.Group ? poll.Container.Id : null,
            poll.Multiple, poll.MaxChoices, poll.AllowOther, poll.Anonymous, poll.VotesAreFinal, poll.ResultsVisibility,
            poll.ClosesUtc, poll.ClosedUtc, poll.Closed, poll.CreatedUtc, poll.ParticipantCount,
            [.. poll.Options.Select(o => new PollOptionResponse(o.Id, o.Text, o.Votes))],
            poll.Voted, poll.MyChoices, poll.MyOther, poll.CanVote, poll.CanChangeVote, poll.CanClose, poll.CanDelete, poll.CanSeeResults);
    }
}
