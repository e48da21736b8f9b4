namespace InternalSocial.Charter.FeedBridge;

/// <summary>The editorial charter's version and its text, already rendered and sanitized.</summary>
internal sealed record EditorialCharterModel(int Version, string Html);
