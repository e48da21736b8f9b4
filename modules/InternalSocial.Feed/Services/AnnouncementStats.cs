namespace InternalSocial.Feed.Services;

/// <summary>How far an announcement reached: people who saw it, people who acknowledged it.</summary>
internal sealed record AnnouncementStats(long PostId, int Viewers, int Acknowledged, double AcknowledgementRate);
