namespace InternalSocial.Newsletter.Models;

public sealed class EditionAudience
{
    public long EditionId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}
