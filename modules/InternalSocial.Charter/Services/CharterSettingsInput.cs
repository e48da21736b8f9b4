namespace InternalSocial.Charter.Services;

/// <summary>Settings to change, from the API, the page or a recipe; a field left null keeps its value.</summary>
internal sealed record CharterSettingsInput(bool? GateEmployees, bool? GateGuests, int? GraceDays, bool? EditorialExpanded);
