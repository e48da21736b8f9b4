using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Polls.Controllers;

/// <summary>The form of <c>/polls/new</c>. Blank option rows are dropped before the service sees them.</summary>
internal sealed class NewPollModel
{
    /// <summary>The rows the form shows at first: two to fill, two spare.</summary>
    public const int InitialRows = 4;

    /// <summary>The form offers up to this many rows; the service accepts more from the API.</summary>
    public const int MaxRows = 10;

    [Display(Name = "Question")]
    public string? Question { get; set; }

    [Display(Name = "Details (optional)")]
    public string? Description { get; set; }

    public List<string?> Options { get; set; } = [];

    [Display(Name = "People may choose several options")]
    public bool Multiple { get; set; }

    [Display(Name = "At most (empty: no limit)")]
    public int? MaxChoices { get; set; }

    [Display(Name = "Add an \"other\" answer people write themselves")]
    public bool AllowOther { get; set; }

    [Display(Name = "Anonymous votes")]
    public bool Anonymous { get; set; }

    [Display(Name = "Who sees the results")]
    public string ResultsVisibility { get; set; } = "always";

    /// <summary>In the organisation's time zone, as the browser's date and time field sends it.</summary>
    [Display(Name = "Closes at (optional)")]
    public DateTime? ClosesAt { get; set; }

    /// <summary>The rows to render: what was typed, padded to the initial count.</summary>
    public IReadOnlyList<string?> Rows => [.. Options, .. Enumerable.Repeat<string?>(null, Math.Max(0, InitialRows - Options.Count))];
}
