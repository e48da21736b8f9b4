namespace InternalSocial.Newsletter.Models;

/// <summary>One recipient followed one link (at least once).</summary>
internal sealed class LinkClick
{
    public long RecipientId { get; set; }

    public int LinkIndex { get; set; }

    public long EditionId { get; set; }

    public DateTime ClickedUtc { get; set; }
}
