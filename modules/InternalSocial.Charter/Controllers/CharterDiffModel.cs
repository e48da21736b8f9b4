using InternalSocial.Charter.Services;

namespace InternalSocial.Charter.Controllers;

/// <summary>Two versions of an audience's charter compared in one language.</summary>
internal sealed record CharterDiffModel(
    string Audience,
    int From,
    int To,
    string Language,
    IReadOnlyList<string> Languages,
    IReadOnlyList<int> Versions,
    IReadOnlyList<CharterDiffLine> Lines);
