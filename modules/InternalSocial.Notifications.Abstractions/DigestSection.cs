namespace InternalSocial.Notifications.Abstractions;

/// <summary>A section a module adds under the notifications of an e-mail digest, with its heading.</summary>
public sealed record DigestSection(string Heading, IReadOnlyList<DigestLine> Lines);
