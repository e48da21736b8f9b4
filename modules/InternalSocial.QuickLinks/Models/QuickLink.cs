namespace InternalSocial.QuickLinks.Models;

internal sealed class QuickLink
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public required string Url { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Links are listed by ascending position, then title.</summary>
    public int Position { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }
}
