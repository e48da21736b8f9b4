namespace InternalSocial.Charter.Endpoints;

/// <summary>A new version of an audience's charter: Markdown per language, and whether everyone must accept again.</summary>
internal sealed record PublishRequest(string? Audience, Dictionary<string, string>? Texts, bool? Material);
