namespace InternalSocial.Polls.Services;

/// <summary>An option's votes and its share of the participants, in percent (one decimal).</summary>
internal sealed record PollResultOption(long Id, string Text, int Votes, double Percent);
