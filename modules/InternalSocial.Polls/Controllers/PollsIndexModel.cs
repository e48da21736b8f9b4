using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Controllers;

/// <summary>
/// <c>/polls</c>: a page of open polls, and a page of closed ones below, each with its own cursor; the authors' names
/// by id.
/// </summary>
internal sealed record PollsIndexModel(PollList Open, PollList Closed, string? OpenCursor, string? ClosedCursor, IReadOnlyDictionary<string, string> Authors, bool CanCreate)
{
    public PollListItemModel Item(PollView poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return new(poll, Authors.GetValueOrDefault(poll.AuthorId) ?? "");
    }
}
