namespace InternalSocial.Charter.Services;

/// <summary>
/// The gates of the tenant's audiences (gated audiences by name, none when nothing material is published), shared by
/// the requests of one shell: the gate asks on every request. Publishing clears it. Holds versions only, never who
/// accepted.
/// </summary>
internal sealed class CharterGateCache : ShellValueCache<IReadOnlyDictionary<string, AudienceGate>>;
