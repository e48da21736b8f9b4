namespace InternalSocial.Notifications.Abstractions;

/// <summary>One line of a digest section: a text and the site-relative link it opens.</summary>
public sealed record DigestLine(string Text, string Url);
