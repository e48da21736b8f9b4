using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Users.OpenIdConnect;

internal sealed class OpenIdConnectSettingsViewModel
{
    [Display(Name = "Provider's name (on the button: Sign in with …)")]
    public string? ProviderName { get; set; }

    [Display(Name = "Authority (issuer address)")]
    public string? Authority { get; set; }

    [Display(Name = "Client id")]
    public string? ClientId { get; set; }

    [Display(Name = "Client secret")]
    [DataType(DataType.Password)]
    public string? ClientSecret { get; set; }

    /// <summary>Remove the stored secret (a public client that uses PKCE only).</summary>
    [Display(Name = "Remove the stored secret")]
    public bool RemoveClientSecret { get; set; }

    [Display(Name = "Scopes (besides openid, separated by spaces)")]
    public string? Scopes { get; set; }

    [Display(Name = "Create an account at the first sign-in for people who have none")]
    public bool AutoProvision { get; set; }

    [Display(Name = "E-mail domains that may get an account (separated by spaces or commas)")]
    public string? AllowedDomains { get; set; }

    public bool HasClientSecret { get; set; }

    public string CallbackUrl { get; set; } = "";

    public static IReadOnlyList<string> Words(string? text) =>
        (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
