using System.Globalization;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;

namespace InternalSocial.Charter.Controllers;

/// <summary>The settings page's form; the grace period arrives as typed so that a word gets the service's message, not a binding error.</summary>
internal sealed class CharterSettingsForm
{
    public bool GateEmployees { get; set; }

    public bool GateGuests { get; set; }

    public string? GraceDays { get; set; }

    public bool EditorialExpanded { get; set; }

    public static CharterSettingsForm From(CharterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new() { GateEmployees = settings.GateEmployees, GateGuests = settings.GateGuests, GraceDays = settings.GraceDays.ToString(CultureInfo.InvariantCulture), EditorialExpanded = settings.EditorialExpanded };
    }

    /// <summary>Empty is no grace; anything but a whole number is out of range, which the service names.</summary>
    public CharterSettingsInput ToInput()
    {
        var days = string.IsNullOrWhiteSpace(GraceDays) ? 0 : int.TryParse(GraceDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        return new(GateEmployees, GateGuests, days, EditorialExpanded);
    }
}
