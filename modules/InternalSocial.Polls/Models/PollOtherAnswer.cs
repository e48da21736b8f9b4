namespace InternalSocial.Polls.Models;

/// <summary>
/// A free "other" answer. In a named poll it names its author; in an anonymous poll <see cref="UserId"/> is null and
/// the random key keeps the rows in no particular order.
/// </summary>
internal sealed class PollOtherAnswer
{
    public Guid Id { get; set; }

    public long QuestionId { get; set; }

    public string? UserId { get; set; }

    public required string Text { get; set; }
}
