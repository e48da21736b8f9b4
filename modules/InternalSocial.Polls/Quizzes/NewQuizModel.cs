using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Polls.Quizzes;

/// <summary>The form of <c>/quizzes/new</c>. Blank option rows are dropped before the service sees them.</summary>
internal sealed class NewQuizModel
{
    /// <summary>The form offers up to this many questions; the API takes more.</summary>
    public const int MaxQuestions = 10;

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Details (optional)")]
    public string? Description { get; set; }

    public List<NewQuizQuestion> Questions { get; set; } = [];

    [Display(Name = "Pass mark (%)")]
    public int PassMark { get; set; } = QuizValidator.DefaultPassMark;

    [Display(Name = "Attempts allowed (empty: no limit)")]
    public int? MaxAttempts { get; set; }

    [Display(Name = "Show a leaderboard of those who choose to appear on it")]
    public bool Leaderboard { get; set; }

    /// <summary>In the organisation's time zone, as the pages show times.</summary>
    [Display(Name = "Closes at (optional)")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "In the announcement (post id, optional)")]
    public long? PostId { get; set; }

    [Display(Name = "In the group (optional)")]
    public long? GroupId { get; set; }

    /// <summary>The groups where the author may create polls, by name; empty without Groups.</summary>
    public IReadOnlyList<KeyValuePair<long, string>> Groups { get; set; } = [];

    [Display(Name = "Passing acknowledges the announcement")]
    public bool PassingAcknowledges { get; set; }

    /// <summary>The questions to render: what was typed, at least one.</summary>
    public IReadOnlyList<NewQuizQuestion> Rows => Questions.Count > 0 ? Questions : [new NewQuizQuestion()];
}
