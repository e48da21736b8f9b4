namespace InternalSocial.Feed.Services;

internal sealed record AttachmentView(long Id, string FileName, string ContentType, long Size, bool IsImage, int Width, int Height);
