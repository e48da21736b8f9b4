namespace InternalSocial.Charter.Services;

/// <summary>A line of an audience's history; <see cref="Accepted"/> counts the acceptances of this very version.</summary>
internal sealed record CharterVersionSummary(int Number, string Audience, bool Material, DateTime PublishedUtc, string PublishedBy, int Accepted);
