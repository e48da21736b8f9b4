using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Newsletter.Controllers;

internal sealed class EditionForm
{
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Introduction (Markdown)")]
    public string? Intro { get; set; }

    public List<BlockRow> Blocks { get; set; } = [];

    /// <summary>"everyone" or "chosen".</summary>
    public string? Audience { get; set; }

    [Display(Name = "Departments (separated by commas)")]
    public string? Departments { get; set; }

    [Display(Name = "Sites (separated by commas)")]
    public string? Sites { get; set; }

    public List<long> Groups { get; set; } = [];
}
