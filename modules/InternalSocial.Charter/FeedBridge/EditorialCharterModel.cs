namespace InternalSocial.Charter.FeedBridge;

/// <summary>The editorial charter's version and its text, already rendered and sanitized; <see cref="Expanded"/>: shown open (the settings).</summary>
internal sealed record EditorialCharterModel(int Version, string Html, bool Expanded = false);
