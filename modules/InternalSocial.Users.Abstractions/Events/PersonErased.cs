namespace InternalSocial.Users.Abstractions.Events;

/// <summary>
/// Raised after a person's profile and personal fields are erased. Modules holding their content anonymize it
/// (keep the text the organisation needs, drop the person) in their handler.
/// </summary>
public sealed record PersonErased(string UserId, string ByUserId);
