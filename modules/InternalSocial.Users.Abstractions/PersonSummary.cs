namespace InternalSocial.Users.Abstractions;

/// <summary>What other modules show of a person next to their content: name, photo, and the marks people must see (guest, former employee).</summary>
public sealed record PersonSummary(
    string Id,
    string UserName,
    string DisplayName,
    bool IsGuest,
    bool IsActive,
    string? JobTitle,
    string? Department,
    string? Site,
    string? PhotoUrl);
