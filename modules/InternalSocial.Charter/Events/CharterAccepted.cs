namespace InternalSocial.Charter.Events;

/// <summary>A person accepted a version of their charter (<see cref="Method"/>: page, api or sso).</summary>
internal sealed record CharterAccepted(string UserId, string Audience, int Number, string Language, string Method, DateTime AcceptedUtc);
