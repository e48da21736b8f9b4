namespace InternalSocial.Users.Events;

/// <summary>Raised after a person's account is deactivated (a departing employee): their content stays, shown as a former employee's.</summary>
public sealed record PersonDeactivated(string UserId, string ByUserId);

/// <summary>
/// Raised after a person's profile and personal fields are erased. Modules holding their content anonymize it
/// (keep the text the organisation needs, drop the person) in their handler.
/// </summary>
public sealed record PersonErased(string UserId, string ByUserId);

/// <summary>
/// Raised after people got an account (created by an administrator, imported, registered, or at their first sign-in
/// through the organisation's provider) or a new department, site or roles, once the change is committed. Groups adds
/// them to the groups whose membership rules now match them.
/// </summary>
public sealed record PeoplePlaced(IReadOnlyList<string> UserIds);
