namespace InternalSocial.Charter.Services;

/// <summary>
/// What opens the door for one audience: an acceptance of its latest material version (<see cref="MaterialNumber"/>)
/// or of any later version (<see cref="OpenVersionIds"/> holds them all, the material one first).
/// <see cref="CurrentNumber"/> is the latest version, the one to read and accept. <see cref="MaterialPublishedUtc"/>
/// starts the grace period of the settings.
/// </summary>
internal sealed record AudienceGate(string Audience, int MaterialNumber, int CurrentNumber, IReadOnlyList<long> OpenVersionIds, DateTime MaterialPublishedUtc);
