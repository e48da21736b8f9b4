namespace InternalSocial.Charter.Models;

/// <summary>
/// How the organisation applies its charter: which audiences the usage charter gates, how many days people keep
/// entering after a material change (with a banner) before the gate closes, and whether the editorial charter beside
/// the composer starts open. The defaults gate everyone at once and fold the editorial charter.
/// </summary>
internal sealed record CharterSettings
{
    public const string DocumentId = "charter-settings";
    public const int MaxGraceDays = 30;

    public bool GateEmployees { get; init; } = true;

    public bool GateGuests { get; init; } = true;

    public int GraceDays { get; init; }

    public bool EditorialExpanded { get; init; }

    public bool Gates(string audience) => audience switch
    {
        CharterAudiences.Employees => GateEmployees,
        CharterAudiences.Guests => GateGuests,
        _ => false,
    };
}
