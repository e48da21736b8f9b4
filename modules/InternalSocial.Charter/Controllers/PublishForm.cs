namespace InternalSocial.Charter.Controllers;

/// <summary>A new version as the admin page's form sends it.</summary>
internal sealed class PublishForm
{
    public string? En { get; set; }

    public string? Fr { get; set; }

    public bool Material { get; set; }
}
