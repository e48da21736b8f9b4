namespace InternalSocial.Users.OpenIdConnect;

/// <summary>What an administrator sends. A null secret keeps the stored one; an empty one removes it.</summary>
internal sealed record OpenIdConnectSettingsInput(
    string? ProviderName,
    string? Authority,
    string? ClientId,
    string? ClientSecret,
    IReadOnlyList<string>? Scopes,
    bool? AutoProvision,
    IReadOnlyList<string>? AllowedDomains);
