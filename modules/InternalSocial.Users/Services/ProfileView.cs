using InternalSocial.Users.Abstractions;

namespace InternalSocial.Users.Services;

/// <summary>A profile as one viewer may see it: hidden and restricted fields are null for others.</summary>
/// <param name="PhotoUrl">A site path starting with <c>~/</c>.</param>
internal sealed record ProfileView(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? Phone,
    string? JobTitle,
    string? Department,
    string? Site,
    PersonSummary? Manager,
    string? About,
    IReadOnlyList<SkillView> Skills,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Interests,
    IReadOnlyList<CustomFieldView> CustomFields,
    string? PhotoUrl,
    bool IsGuest,
    bool IsActive,
    bool IsMe,
    bool CanAdminister,
    string? PreferredLanguage,
    IReadOnlyList<string>? HiddenFields,
    DateTime? GuestExpiresUtc,
    string? TimeZoneId = null);
