namespace InternalSocial.Feed.Models;

/// <summary>A tag the organisation curates: official tags are highlighted, pinned ones are offered first.</summary>
internal sealed class Tag
{
    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public bool IsOfficial { get; set; }

    public bool IsPinned { get; set; }
}
