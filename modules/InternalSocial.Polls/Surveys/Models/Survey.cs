namespace InternalSocial.Polls.Surveys;

/// <summary>
/// What a survey adds to its <c>Polls_Polls</c> row (kind survey): the opening time, the reminders and the state of
/// the notifications, each claimed by a conditional update so that two nodes never send the same one twice.
/// </summary>
internal sealed class Survey
{
    public long PollId { get; set; }

    public DateTime? OpensUtc { get; set; }

    /// <summary><see cref="ReminderModes"/>.</summary>
    public string ReminderMode { get; set; } = ReminderModes.None;

    public int? ReminderDays { get; set; }

    /// <summary>When the next reminder round is due; null when none is left.</summary>
    public DateTime? NextReminderUtc { get; set; }

    /// <summary>Reminder rounds sent so far: the claim of a round is "from this number to the next".</summary>
    public int ReminderRound { get; set; }

    /// <summary>Everyone (employees) when true; else the <see cref="SurveyAudience"/> rows.</summary>
    public bool Everyone { get; set; }

    /// <summary>The "new survey for you" notification went out (claimed once, when the survey is open).</summary>
    public bool OpeningAnnounced { get; set; }

    /// <summary>The close (by the window or by hand) was announced: polls.closed and "results published".</summary>
    public bool ClosingAnnounced { get; set; }
}
