namespace InternalSocial.Feed.Services;

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size, bool IsImage, int Width, int Height);
