namespace InternalSocial.Feed.Models;

internal sealed class Attachment
{
    public long Id { get; set; }

    /// <summary>Null until the upload is attached to a post.</summary>
    public long? PostId { get; set; }

    public required string UploadedBy { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required string StoragePath { get; set; }

    public long Size { get; set; }

    public bool IsImage { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public DateTime CreatedUtc { get; set; }
}
