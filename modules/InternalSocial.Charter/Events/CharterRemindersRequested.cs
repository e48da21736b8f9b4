namespace InternalSocial.Charter.Events;

/// <summary>A manager asked to remind these people that a version of their charter awaits their acceptance.</summary>
internal sealed record CharterRemindersRequested(string Audience, int Number, IReadOnlyList<string> UserIds, string ByUserId);
