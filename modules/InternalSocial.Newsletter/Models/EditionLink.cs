namespace InternalSocial.Newsletter.Models;

/// <summary>A link the sent edition contains: the click redirect goes only to these.</summary>
internal sealed class EditionLink
{
    public long EditionId { get; set; }

    public int LinkIndex { get; set; }

    public required string Url { get; set; }
}
