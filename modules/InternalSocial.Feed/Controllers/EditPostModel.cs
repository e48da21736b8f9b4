namespace InternalSocial.Feed.Controllers;

internal sealed class EditPostModel
{
    public long Id { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Text")]
    public string? Body { get; set; }
}
