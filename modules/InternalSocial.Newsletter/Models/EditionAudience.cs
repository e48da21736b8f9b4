namespace InternalSocial.Newsletter.Models;

internal sealed class EditionAudience
{
    public long EditionId { get; set; }

    public required string Kind { get; set; }

    public required string Value { get; set; }
}
