namespace InternalSocial.Newsletter.Services;

internal sealed record SendResult(long Id, string Status, int Recipients, int Queued);
