using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Feed.Controllers;

internal sealed class TagFormModel
{
    [Display(Name = "Tag")]
    public string? Name { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Official")]
    public bool Official { get; set; }

    [Display(Name = "Pinned on top")]
    public bool Pinned { get; set; }
}
