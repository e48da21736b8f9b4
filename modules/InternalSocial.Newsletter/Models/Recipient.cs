namespace InternalSocial.Newsletter.Models;

/// <summary>A person an edition goes to. The token, unguessable, identifies them in the open pixel, the links and the unsubscribe link.</summary>
internal sealed class Recipient
{
    public long Id { get; set; }

    public long EditionId { get; set; }

    public required string UserId { get; set; }

    public required string Token { get; set; }

    public RecipientStatus Status { get; set; }

    public string? ClaimId { get; set; }

    public DateTime? ClaimedUtc { get; set; }

    /// <summary>The first time the mail was seen (its image loaded, or a link followed).</summary>
    public DateTime? OpenedUtc { get; set; }

    /// <summary>The first time a link was followed.</summary>
    public DateTime? ClickedUtc { get; set; }
}
