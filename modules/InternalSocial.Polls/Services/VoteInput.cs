namespace InternalSocial.Polls.Services;

/// <summary>The options chosen (ids), and the free "other" answer when the poll allows one.</summary>
internal sealed record VoteInput(IReadOnlyList<long>? Choices, string? Other = null);
