using InternalSocial.Charter.Services;

namespace InternalSocial.Charter.Controllers;

/// <summary>An audience's versions, newest first.</summary>
internal sealed record HistoryModel(string Audience, IReadOnlyList<CharterVersionSummary> Versions);
