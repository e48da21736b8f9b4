namespace InternalSocial.Users.Abstractions.Events;

/// <summary>Raised after a person's account is deactivated (a departing employee): their content stays, shown as a former employee's.</summary>
public sealed record PersonDeactivated(string UserId, string ByUserId);

