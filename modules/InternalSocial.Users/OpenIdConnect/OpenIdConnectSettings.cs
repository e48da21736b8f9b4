namespace InternalSocial.Users.OpenIdConnect;

/// <summary>
/// The tenant's OpenID Connect provider, kept as the document <see cref="DocumentId"/>. The client secret is stored
/// protected by the tenant's data protection key ring; it is never shown back nor exported.
/// </summary>
internal sealed record OpenIdConnectSettings
{
    public const string DocumentId = "Users.OpenIdConnect";

    /// <summary>The provider's name on the sign-in button: "Sign in with {ProviderName}".</summary>
    public string ProviderName { get; init; } = "";

    /// <summary>The issuer's address; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; init; } = "";

    public string ClientId { get; init; } = "";

    /// <summary>The client secret protected with the tenant's key ring; empty for a public client (PKCE only).</summary>
    public string ProtectedClientSecret { get; init; } = "";

    /// <summary>Scopes asked besides <c>openid</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["profile", "email"];

    /// <summary>Whether someone with no account gets one at the first sign-in (only from <see cref="AllowedDomains"/>).</summary>
    public bool AutoProvision { get; init; }

    /// <summary>E-mail domains (lower case) whose people may get an account at their first sign-in.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary>Changes at every save: nodes compare it to know that their options are out of date.</summary>
    public string Stamp { get; init; } = "";

    public bool IsConfigured => Authority.Length > 0 && ClientId.Length > 0;
}
