namespace InternalSocial.Users.OpenIdConnect;

/// <summary>What is shown of the settings: everything but the secret, of which only its presence is told.</summary>
internal sealed record OpenIdConnectSettingsView(
    string ProviderName,
    string Authority,
    string ClientId,
    bool HasClientSecret,
    IReadOnlyList<string> Scopes,
    bool AutoProvision,
    IReadOnlyList<string> AllowedDomains,
    string CallbackPath);
