namespace InternalSocial.Charter.Controllers;

/// <summary>The settings page: the form as shown or sent back, and the service's errors by field (<c>graceDays</c>).</summary>
internal sealed record CharterSettingsModel(CharterSettingsForm Form, IReadOnlyDictionary<string, string> Errors)
{
    public string? Error(string field) => Errors.GetValueOrDefault(field);
}
