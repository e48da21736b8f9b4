using InternalSocial.Charter.Services;

namespace InternalSocial.Charter.Controllers;

/// <summary>
/// An audience on the admin page: its latest version, the version that gates (the latest material one), how many
/// accepted it (or a later one) and how many have not yet. Counts are null for the editorial charter, which nobody accepts.
/// <see cref="CurrentTexts"/> fill the publish form: a new version is most often the current one, edited.
/// </summary>
internal sealed record AudienceOverview(string Audience, CharterVersionSummary? Current, CharterVersionSummary? Gating, int? Accepted, int? Pending, IReadOnlyDictionary<string, string>? CurrentTexts = null);
