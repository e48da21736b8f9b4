using System.ComponentModel.DataAnnotations;

namespace InternalSocial.QuickLinks.Controllers;

internal sealed class NewLinkViewModel
{
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "URL")]
    public string? Url { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Position")]
    public int Position { get; set; }
}
