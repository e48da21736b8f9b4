namespace InternalSocial.Feed.Services;

internal sealed record StoredFile(Stream Content, string ContentType, string FileName);
