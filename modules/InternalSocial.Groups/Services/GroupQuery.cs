using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

/// <summary>Directory filters. <see cref="Mine"/> keeps the user's groups only.</summary>
internal sealed record GroupQuery(string? Search = null, GroupType? Type = null, GroupVisibility? Visibility = null, bool Mine = false, bool Archived = false, string? Cursor = null);
