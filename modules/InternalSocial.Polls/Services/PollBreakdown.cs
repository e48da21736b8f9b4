namespace InternalSocial.Polls.Services;

/// <summary>
/// Votes per option within each department or site (<see cref="Dimension"/>). A cell with fewer than
/// <see cref="PollResultsReader.MinimumCell"/> votes is not shown on its own: it is added to the option's
/// <see cref="PollBreakdownRow.IsOther"/> row.
/// </summary>
internal sealed record PollBreakdown(string Dimension, IReadOnlyList<PollBreakdownRow> Rows);
