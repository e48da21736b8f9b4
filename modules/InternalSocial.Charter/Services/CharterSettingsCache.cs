using InternalSocial.Charter.Models;

namespace InternalSocial.Charter.Services;

/// <summary>The tenant's charter settings, shared by the requests of one shell: the gate reads them on every request. Saving clears it.</summary>
internal sealed class CharterSettingsCache : ShellValueCache<CharterSettings>;
