namespace InternalSocial.Groups.Models;

internal sealed class JoinRequest
{
    public long GroupId { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
