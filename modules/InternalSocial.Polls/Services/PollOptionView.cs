namespace InternalSocial.Polls.Services;

/// <summary>An option; <see cref="Votes"/> only when the reader may see the results.</summary>
internal sealed record PollOptionView(long Id, string Text, int? Votes);
