namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// A quiz's totals, changed in place by each attempt: people count at their first attempt, and among those who passed
/// at their first passing one. <see cref="PercentTenths"/> sums each attempt's percent, in tenths, for the average.
/// </summary>
internal sealed class QuizTotals
{
    public long PollId { get; set; }

    public int Attempts { get; set; }

    public int People { get; set; }

    public int PeoplePassed { get; set; }

    public long PercentTenths { get; set; }
}
