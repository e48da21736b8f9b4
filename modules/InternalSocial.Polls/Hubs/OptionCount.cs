namespace InternalSocial.Polls.Hubs;

/// <summary>An option's votes and share of the participants, as <c>/polls/{id}</c> shows them.</summary>
internal sealed record OptionCount(long Id, int Votes, double Percent)
{
    public static OptionCount Of(long id, int votes, int participants) => new(id, votes, Controllers.PollBarsModel.Percent(votes, participants));
}
