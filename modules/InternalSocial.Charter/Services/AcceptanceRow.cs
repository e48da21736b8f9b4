namespace InternalSocial.Charter.Services;

/// <summary>
/// A person in the acceptances list. For <c>pending</c> rows, the acceptance fields are null. An erased person's row
/// has no <see cref="UserId"/> and no name: the acceptance stays, the person does not.
/// </summary>
internal sealed record AcceptanceRow(
    string? UserId,
    string? UserName,
    string? DisplayName,
    int? Version,
    string? Language,
    DateTime? AcceptedUtc,
    string? Method);
