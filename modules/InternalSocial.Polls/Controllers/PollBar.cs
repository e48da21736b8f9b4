namespace InternalSocial.Polls.Controllers;

/// <summary>One option's line in the results: its votes, its share of the participants, and whether the reader chose it.</summary>
internal sealed record PollBar(long OptionId, string Text, int Votes, double Percent, bool Mine);
