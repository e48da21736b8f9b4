namespace InternalSocial.Polls.Surveys;

/// <summary>Where a survey stands in its window: not open yet, open, or closed (by hand or by its closing time).</summary>
internal static class SurveyStatuses
{
    public const string Scheduled = "scheduled";
    public const string Open = "open";
    public const string Closed = "closed";
}
