namespace InternalSocial.Polls.Services;

/// <summary>A page of polls; <see cref="NextCursor"/> null on the last page.</summary>
internal sealed record PollList(IReadOnlyList<PollView> Polls, string? NextCursor);
