namespace InternalSocial.Users.Services;

/// <summary>Changes to a profile: null leaves a field as it is, an empty text or list clears it.</summary>
internal sealed record ProfileUpdate(
    string? DisplayName = null,
    string? Email = null,
    string? JobTitle = null,
    string? Department = null,
    string? Site = null,
    string? Phone = null,
    string? ManagerId = null,
    string? About = null,
    IReadOnlyList<string>? Skills = null,
    IReadOnlyList<string>? Languages = null,
    IReadOnlyList<string>? Interests = null,
    string? PreferredLanguage = null,
    IReadOnlyList<string>? HiddenFields = null,
    IReadOnlyDictionary<string, string?>? CustomFields = null,
    string? TimeZoneId = null);
