namespace InternalSocial.Newsletter.Models;

/// <summary>A person who asked for no more newsletters.</summary>
internal sealed class OptOut
{
    public required string UserId { get; set; }

    public DateTime OptedOutUtc { get; set; }
}
