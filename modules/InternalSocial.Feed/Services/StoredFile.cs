namespace InternalSocial.Feed.Services;

public sealed record StoredFile(Stream Content, string ContentType, string FileName);
