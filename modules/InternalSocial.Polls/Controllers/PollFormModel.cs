using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Controllers;

/// <summary>The vote form (<c>_PollVote</c>) of a poll, on its page or on a card; after voting the reader comes back to <see cref="ReturnUrl"/>.</summary>
internal sealed record PollFormModel(PollView Poll, string? ReturnUrl);
