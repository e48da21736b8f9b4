namespace InternalSocial.Users.Events;

/// <summary>Raised after a person's account is deactivated (a departing employee): their content stays, shown as a former employee's.</summary>
public sealed record PersonDeactivated(string UserId, string ByUserId);

/// <summary>
/// Raised after a person's profile and personal fields are erased. Modules holding their content anonymize it
/// (keep the text the organisation needs, drop the person) in their handler.
/// </summary>
public sealed record PersonErased(string UserId, string ByUserId);
