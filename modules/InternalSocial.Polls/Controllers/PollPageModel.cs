using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Controllers;

/// <summary>
/// <c>/polls/{id}</c>: the poll as the reader sees it, its results when they may see them (with the breakdown asked
/// for), and the author's name.
/// </summary>
internal sealed record PollPageModel(PollView Poll, PollResults? Results, string AuthorName, string? Breakdown);
