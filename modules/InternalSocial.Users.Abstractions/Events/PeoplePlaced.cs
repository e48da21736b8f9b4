namespace InternalSocial.Users.Abstractions.Events;

/// <summary>
/// Raised after people got an account (created by an administrator, imported, registered, or at their first sign-in
/// through the organisation's provider) or a new department, site or roles, once the change is committed. Groups adds
/// them to the groups whose membership rules now match them.
/// </summary>
public sealed record PeoplePlaced(IReadOnlyList<string> UserIds);
