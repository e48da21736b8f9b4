namespace InternalSocial.Newsletter.Services;

public sealed record SendResult(long Id, string Status, int Recipients, int Queued);
