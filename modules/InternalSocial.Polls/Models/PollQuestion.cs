namespace InternalSocial.Polls.Models;

internal sealed class PollQuestion
{
    public long Id { get; set; }

    public long PollId { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }

    /// <summary><see cref="QuestionKinds"/>.</summary>
    public string Kind { get; set; } = QuestionKinds.Single;

    /// <summary>For multiple choice: how many options one may pick at most; null for no limit beyond the options.</summary>
    public int? MaxChoices { get; set; }

    public bool AllowOther { get; set; }
}
