namespace InternalSocial.Charter.Models;

/// <summary>A published version of one audience's charter; never changed once published.</summary>
internal sealed class CharterVersion
{
    public long Id { get; set; }

    public required string Audience { get; set; }

    /// <summary>1, 2, … within the audience.</summary>
    public int Number { get; set; }

    /// <summary>A material change asks everyone of the audience to accept again; an editorial fix does not.</summary>
    public bool Material { get; set; }

    public DateTime PublishedUtc { get; set; }

    public required string PublishedBy { get; set; }

    /// <summary>Filled when publishing, so that a version and its texts are saved together; not loaded when reading.</summary>
    public List<CharterText> Texts { get; } = [];
}
