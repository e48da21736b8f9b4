namespace InternalSocial.Polls.Surveys;

/// <summary>
/// What a survey adds to a <c>Polls_Questions</c> row: its page, whether it is required, its condition (shown only
/// when question <see cref="ShowWhenQuestionId"/>'s answer includes option <see cref="ShowWhenOptionId"/>), the matrix
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

    public long? ShowWhenOptionId { get; set; }
}
