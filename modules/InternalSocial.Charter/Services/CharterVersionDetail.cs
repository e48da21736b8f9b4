namespace InternalSocial.Charter.Services;

/// <summary>A version with its Markdown text per language.</summary>
internal sealed record CharterVersionDetail(int Number, string Audience, bool Material, DateTime PublishedUtc, IReadOnlyDictionary<string, string> Texts);
