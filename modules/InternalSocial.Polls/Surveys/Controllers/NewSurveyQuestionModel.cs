using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>One question block of <c>/surveys/new</c>: options and matrix rows one per line, its condition by number and answer.</summary>
internal sealed class NewSurveyQuestionModel
{
    [Display(Name = "Page")]
    public int? Page { get; set; } = 1;

    [Display(Name = "Question")]
    public string? Text { get; set; }

    [Display(Name = "Kind of answer")]
    public string Kind { get; set; } = SurveyQuestionKinds.Single;

    [Display(Name = "An answer is required")]
    public bool Required { get; set; }

    /// <summary>One per line: the choices, or a matrix's columns.</summary>
    public string? Options { get; set; }

    /// <summary>One per line: a matrix's rows.</summary>
    public string? Rows { get; set; }

    public int? MaxChoices { get; set; }

    /// <summary>The number (from 1) of an earlier question this one depends on; null: always asked.</summary>
    public int? ConditionQuestion { get; set; }

    /// <summary>The answer of that question which shows this one, as the author typed it there (or the rating's value).</summary>
    public string? ConditionAnswer { get; set; }

    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    /// <summary>The answers a condition may name, as the reader sees them: the options, or the scale's values.</summary>
    public IReadOnlyList<string> Answers => Kind switch
    {
        SurveyQuestionKinds.Rating => ["1", "2", "3", "4", "5"],
        SurveyQuestionKinds.Nps => [.. Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        SurveyQuestionKinds.Single or SurveyQuestionKinds.Multiple => Lines(Options),
        _ => [],
    };
}
