namespace InternalSocial.Polls.Models;

internal sealed class PollOption
{
    public long Id { get; set; }

    public long QuestionId { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }
}
