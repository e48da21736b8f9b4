namespace InternalSocial.Charter.Services;

/// <summary>
/// A person who has not accepted what gates them: the <see cref="Gate"/>, and <see cref="GraceUntil"/> when the
/// settings' grace period still lets them in (with a banner); null grace means the gate is closed.
/// </summary>
internal sealed record CharterStanding(AudienceGate Gate, DateTime? GraceUntil);
