namespace InternalSocial.Polls.Models;

/// <summary>
/// How many chose an option: overall (<see cref="TallyDimensions.All"/>, empty value) or within one department or site.
/// Updated in place at each vote, so results are read, never counted.
/// </summary>
internal sealed class PollTally
{
    public long OptionId { get; set; }

    public required string Dimension { get; set; }

    public required string Value { get; set; }

    public long QuestionId { get; set; }

    public int Count { get; set; }
}
