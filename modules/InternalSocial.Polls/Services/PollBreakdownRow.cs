namespace InternalSocial.Polls.Services;

/// <summary>A department or site (<see cref="Value"/>), or the merged small cells (<see cref="IsOther"/>, value null), with votes per option id.</summary>
internal sealed record PollBreakdownRow(string? Value, bool IsOther, IReadOnlyDictionary<long, int> Votes);
