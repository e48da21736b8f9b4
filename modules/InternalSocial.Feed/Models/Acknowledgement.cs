namespace InternalSocial.Feed.Models;

internal sealed class Acknowledgement
{
    public long PostId { get; set; }

    public required string UserId { get; set; }

    public DateTime AcknowledgedUtc { get; set; }
}
