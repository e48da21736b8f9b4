using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>The form of <c>/surveys/new</c>; <see cref="Errors"/> holds the service's refusals by its field names.</summary>
internal sealed class NewSurveyModel
{
    public const int MaxQuestions = 40;

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Introduction (optional)")]
    public string? Description { get; set; }

    public List<NewSurveyQuestionModel> Questions { get; set; } = [new()];

    [Display(Name = "Anonymous answers")]
    public bool Anonymous { get; set; } = true;

    [Display(Name = "Who sees the results")]
    public string ResultsVisibility { get; set; } = "afterClose";

    [Display(Name = "Opens at (optional)")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "Closes at (optional)")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "Departments (separated by commas)")]
    public string? Departments { get; set; }

    [Display(Name = "Sites (separated by commas)")]
    public string? Sites { get; set; }

    public List<long> GroupIds { get; set; } = [];

    [Display(Name = "Reminders to those who have not answered")]
    public string ReminderMode { get; set; } = ReminderModes.None;

    [Display(Name = "Days")]
    public int? ReminderDays { get; set; }

    [BindNever]
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The groups the author may address (their own), when groups are on; empty otherwise.</summary>
    [BindNever]
    public IReadOnlyDictionary<long, string> GroupChoices { get; set; } = new Dictionary<long, string>();

    /// <summary>Whether "start from the engagement template" is offered (the recipe is installed).</summary>
    [BindNever]
    public bool HasTemplate { get; set; }

    public string Error(string field) => Errors.TryGetValue(field, out var problem) ? problem : "";

    public static IReadOnlyList<string> List(string? text) =>
        [.. (text ?? "").Split(',').Select(item => item.Trim()).Where(item => item.Length > 0)];
}
