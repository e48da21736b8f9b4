namespace InternalSocial.Users.Abstractions;

/// <summary>
/// How to reach a person by mail: address, name, the language to write to them in and their time zone (an IANA id);
/// null language or zone: the organisation's.
/// </summary>
public sealed record PersonContact(string Id, string? Email, string DisplayName, string? Culture, bool IsActive, string? TimeZoneId = null);
