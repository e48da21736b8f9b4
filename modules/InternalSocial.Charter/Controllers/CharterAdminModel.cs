namespace InternalSocial.Charter.Controllers;

/// <summary>The admin page: every audience, and the publish form that came back with errors (keyed like the service's: <c>texts.fr</c>).</summary>
internal sealed record CharterAdminModel(IReadOnlyList<AudienceOverview> Audiences, string? FailedAudience = null, PublishForm? Form = null, IReadOnlyDictionary<string, string>? Errors = null)
{
    public string? Error(string audience, string field) => audience == FailedAudience ? Errors?.GetValueOrDefault(field) : null;

    /// <summary>Errors of the failed form that no field shows.</summary>
    public IEnumerable<string> OtherErrors(string audience) =>
        audience == FailedAudience && Errors is not null ? Errors.Where(e => e.Key is not ("texts.en" or "texts.fr")).Select(e => e.Value) : [];
}
