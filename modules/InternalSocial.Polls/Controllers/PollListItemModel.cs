using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Controllers;

/// <summary>A poll in the list of <c>/polls</c>, with its author's name.</summary>
internal sealed record PollListItemModel(PollView Poll, string AuthorName);
