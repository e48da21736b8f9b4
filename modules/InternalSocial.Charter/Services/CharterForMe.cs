namespace InternalSocial.Charter.Services;

/// <summary>
/// The current version of the person's audience: <see cref="Markdown"/> in <see cref="Language"/> (the asked language,
/// or English when the version has no text in it), every language in <see cref="Texts"/>, and whether they accepted
/// (this version, or a later one for an earlier material version).
/// </summary>
internal sealed record CharterForMe(
    int Version,
    string Audience,
    bool Material,
    string Language,
    string Markdown,
    IReadOnlyDictionary<string, string> Texts,
    bool Accepted,
    DateTime PublishedUtc);
