namespace InternalSocial.Charter.Models;

/// <summary>
/// Proof that a person accepted a version. No route edits or deletes it: erasure only drops the person
/// (<see cref="UserId"/> null, <see cref="ErasedUtc"/> set) so that the proof outlives the link to them.
/// </summary>
internal sealed class CharterAcceptance
{
    public long Id { get; set; }

    public long VersionId { get; set; }

    public string? UserId { get; set; }

    public required string Language { get; set; }

    public DateTime AcceptedUtc { get; set; }

    public required string Method { get; set; }

    public DateTime? ErasedUtc { get; set; }
}
