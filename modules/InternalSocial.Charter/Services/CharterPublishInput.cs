namespace InternalSocial.Charter.Services;

/// <summary>A new version to publish: Markdown per language (<c>en</c> and <c>fr</c> at least).</summary>
internal sealed record CharterPublishInput(string Audience, IReadOnlyDictionary<string, string> Texts, bool Material);
