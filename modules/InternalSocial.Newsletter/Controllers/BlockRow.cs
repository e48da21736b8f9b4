using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Newsletter.Controllers;

/// <summary>One row of the edition form: a post (its id or its link) or a text, its position, and a box to remove it.</summary>
internal sealed class BlockRow
{
    [Display(Name = "Post (number or link)")]
    public string? Post { get; set; }

    [Display(Name = "Text (Markdown)")]
    public string? Text { get; set; }

    [Display(Name = "Position")]
    public int? Position { get; set; }

    [Display(Name = "Remove")]
    public bool Remove { get; set; }
}
