namespace InternalSocial.Polls.Models;

/// <summary>
/// One option chosen by one person in a named poll. The department and site are those at vote time, so that a change
/// of vote takes back exactly what the vote added to the breakdown tallies. Anonymous polls never write here.
/// </summary>
internal sealed class PollVote
{
    public long PollId { get; set; }

    public long QuestionId { get; set; }

    public long OptionId { get; set; }

    public required string UserId { get; set; }

    public string? Department { get; set; }

    public string? Site { get; set; }
}
