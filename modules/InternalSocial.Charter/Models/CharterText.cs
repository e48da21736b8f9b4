namespace InternalSocial.Charter.Models;

/// <summary>A version's Markdown text in one language.</summary>
internal sealed class CharterText
{
    public long VersionId { get; set; }

    public required string Language { get; set; }

    public required string Markdown { get; set; }
}
