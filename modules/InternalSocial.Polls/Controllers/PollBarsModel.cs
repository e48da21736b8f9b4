using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Controllers;

/// <summary>
/// The results as bars with counts and percentages (<c>_PollBars</c>): the accessible text version of the chart, and
/// what the live counts update. <see cref="Compact"/> on a card, without the chart.
/// </summary>
internal sealed record PollBarsModel(long PollId, int Participants, IReadOnlyList<PollBar> Bars, bool Compact)
{
    public static PollBarsModel FromResults(PollResults results, PollView poll)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(poll);
        return new(results.PollId, results.ParticipantCount,
            [.. results.Options.Select(o => new PollBar(o.Id, o.Text, o.Votes, o.Percent, poll.MyChoices.Contains(o.Id)))], Compact: false);
    }

    /// <summary>From the counts a poll view carries; null when the reader may not see them.</summary>
    public static PollBarsModel? FromView(PollView poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        if (!poll.CanSeeResults || poll.ParticipantCount is not { } participants)
        {
            return null;
        }

        return new(poll.Id, participants,
            [.. poll.Options.Select(o => new PollBar(o.Id, o.Text, o.Votes ?? 0, Percent(o.Votes ?? 0, participants), poll.MyChoices.Contains(o.Id)))], Compact: true);
    }

    /// <summary>The share of participants who chose an option (several options each count in a multiple-choice poll), one decimal.</summary>
    public static double Percent(int votes, int participants) => participants == 0 ? 0 : Math.Round(votes * 100.0 / participants, 1);
}
