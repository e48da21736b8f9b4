namespace InternalSocial.Newsletter.Models;

/// <summary>One block of an edition, in order: a chosen post, or free text (Markdown).</summary>
internal sealed class EditionBlock
{
    public long EditionId { get; set; }

    public int Position { get; set; }

    public long? PostId { get; set; }

    public string? Text { get; set; }
}
