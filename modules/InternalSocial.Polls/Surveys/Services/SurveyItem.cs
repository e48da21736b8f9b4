using InternalSocial.Polls.Models;

namespace InternalSocial.Polls.Surveys;

/// <summary>A loaded question: its poll question row, its survey row, its options, and for a matrix its rows.</summary>
internal sealed record SurveyItem(PollQuestion Question, SurveyQuestion Extra, IReadOnlyList<PollOption> Options, IReadOnlyList<SurveyItem> Rows)
{
    public long Id => Question.Id;

    public string Kind => Question.Kind;
}
