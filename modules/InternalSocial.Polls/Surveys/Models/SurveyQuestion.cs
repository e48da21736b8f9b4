namespace InternalSocial.Polls.Surveys;

/// <summary>
/// What a survey adds to a <c>Polls_Questions</c> row: its page, whether it is required, its condition (shown only
/// when question <see cref="ShowWhenQuestionId"/>'s answer includes one of <see cref="ShowWhenOptionIds"/>), the matrix
/// it is a row of. How many answered it is a tally (<see cref="SurveyTallies"/>).
/// </summary>
internal sealed class SurveyQuestion
{
    public long QuestionId { get; set; }

    public long PollId { get; set; }

    public int Page { get; set; }

    public bool Required { get; set; }

    public long? ParentQuestionId { get; set; }

    public long? ShowWhenQuestionId { get; set; }

    /// <summary>The condition's first option: the only one of conditions written before they could name several.</summary>
    public long? ShowWhenOptionId { get; set; }

    /// <summary>The condition's other options, comma separated; null when it names one.</summary>
    public string? ShowWhenMoreOptionIds { get; set; }

    public IReadOnlyList<long> ShowWhenOptionIds => ShowWhenOptionId is not { } first ? []
        : [first, .. (ShowWhenMoreOptionIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];
}
