using InternalSocial.Charter.Services;

namespace InternalSocial.Charter.Controllers;

/// <summary>One tab (accepted or pending) of a version's acceptances, a page at a time.</summary>
internal sealed record AcceptancesModel(string Audience, int Version, string Status, string? After, AcceptancePage Page);
