using System.Net;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users.OpenIdConnect;

/// <summary>Reads, validates and saves the tenant's OpenID Connect settings; only holders of <see cref="Permissions.ManageRoles"/>.</summary>
internal sealed class OpenIdConnectSettingsService(
    DocumentStore documents,
    OpenIdConnectSettingsCache cache,
    IDataProtectionProvider protection,
    IAuthorizationService authorization,
    IOptions<InternalSocialOptions> hostOptions,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxScopes = 20;
    public const int MaxDomains = 50;

    /// <summary>
    /// Configuring the provider decides who can sign in as whom (a provider that vouches for an e-mail gets that
    /// account): it needs the right that can already grant every permission, not only the right to edit accounts.
    /// </summary>
    public static readonly Permission Permission = Permissions.ManageRoles;

    private readonly IDataProtector _secrets = protection.CreateProtector("InternalSocial.Users.OpenIdConnect.ClientSecret");

    public Task<OpenIdConnectSettings> GetAsync(CancellationToken cancellationToken) => cache.GetAsync(cancellationToken);

    public async Task<OpenIdConnectSettingsView> GetViewAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permission);
        return ToView(await LoadAsync(cancellationToken));
    }

    public string? UnprotectSecret(OpenIdConnectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ProtectedClientSecret.Length == 0 ? null : _secrets.Unprotect(settings.ProtectedClientSecret);
    }

    /// <exception cref="InvalidInputException">Every bad field, named; nothing is saved then.</exception>
    public async Task<OpenIdConnectSettingsView> SaveAsync(ClaimsPrincipal user, OpenIdConnectSettingsInput input, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permission);
        return ToView(await SaveCheckedAsync(input, cancellationToken));
    }

    /// <summary>For the recipe step, which runs with the rights of whoever may run recipes.</summary>
    internal async Task<OpenIdConnectSettings> SaveCheckedAsync(OpenIdConnectSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await LoadAsync(cancellationToken);
        var (settings, errors) = await ValidateAsync(input, current, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        await documents.SaveAsync(OpenIdConnectSettings.DocumentId, settings, cancellationToken);
        cache.Set(settings);
        return settings;
    }

    /// <summary>
    /// <see cref="Validate"/>, then where the authority points: the server calls it (discovery, keys, tokens), so it
    /// may not be on this machine or a private network unless the host allows it (<see cref="NetworkTargets"/>).
    /// </summary>
    internal async Task<(OpenIdConnectSettings Settings, IReadOnlyDictionary<string, string> Errors)> ValidateAsync(
        OpenIdConnectSettingsInput input, OpenIdConnectSettings current, CancellationToken cancellationToken)
    {
        var (settings, errors) = Validate(input, current);
        if (!errors.ContainsKey("authority") && Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority)
            && await NetworkTargets.CheckAsync(authority.Host, hostOptions.Value, cancellationToken) is { } problem)
        {
            return (settings, new Dictionary<string, string>(errors) { ["authority"] = problem });
        }

        return (settings, errors);
    }

    /// <summary>Checks <paramref name="input"/> applied over <paramref name="current"/>; absent (null) fields keep their value.</summary>
    internal (OpenIdConnectSettings Settings, IReadOnlyDictionary<string, string> Errors) Validate(OpenIdConnectSettingsInput input, OpenIdConnectSettings current)
    {
        var errors = new Dictionary<string, string>();
        var (providerName, authority, clientId) = CheckClient(input, current, errors);
        var scopes = CheckScopes(input.Scopes, current.Scopes, errors);
        var autoProvision = input.AutoProvision ?? current.AutoProvision;
        var domains = CheckDomains(input.AllowedDomains, current.AllowedDomains, autoProvision, errors);
        var settings = new OpenIdConnectSettings
        {
            ProviderName = providerName,
            Authority = authority,
            ClientId = clientId,
            ProtectedClientSecret = input.ClientSecret switch
            {
                null => current.ProtectedClientSecret,
                "" => "",
                var secret => _secrets.Protect(secret),
            },
            Scopes = scopes,
            AutoProvision = autoProvision,
            AllowedDomains = domains,
            Stamp = Guid.NewGuid().ToString("N"),
        };
        return (settings, errors);
    }

    /// <summary>The provider's name, authority and client id (the stored ones where the input has none), and the secret's length.</summary>
    private (string ProviderName, string Authority, string ClientId) CheckClient(OpenIdConnectSettingsInput input, OpenIdConnectSettings current, Dictionary<string, string> errors)
    {
        var providerName = input.ProviderName?.Trim() ?? current.ProviderName;
        if (providerName.Length == 0)
        {
            errors["providerName"] = T["The provider's name is required: it is shown on the sign-in button."];
        }
        else if (providerName.Length > 100)
        {
            errors["providerName"] = T["The provider's name must be at most {0} characters.", 100];
        }

        var authority = (input.Authority?.Trim() ?? current.Authority).TrimEnd('/');
        if (authority.Length == 0)
        {
            errors["authority"] = T["The authority (the provider's issuer address) is required."];
        }
        else if (CheckAuthority(authority) is { } problem)
        {
            errors["authority"] = problem;
        }

        var clientId = input.ClientId?.Trim() ?? current.ClientId;
        if (clientId.Length == 0)
        {
            errors["clientId"] = T["The client id that the provider gave this site is required."];
        }
        else if (clientId.Length > 200)
        {
            errors["clientId"] = T["The client id must be at most {0} characters.", 200];
        }

        if (input.ClientSecret?.Length > 500)
        {
            errors["clientSecret"] = T["The client secret must be at most {0} characters.", 500];
        }

        return (providerName, authority, clientId);
    }

    private IReadOnlyList<string> CheckScopes(IReadOnlyList<string>? input, IReadOnlyList<string> current, Dictionary<string, string> errors)
    {
        var scopes = input is null
            ? current
            : [.. input.Select(s => s.Trim()).Where(s => s.Length > 0 && s != "openid").Distinct(StringComparer.Ordinal)];
        if (scopes.Count > MaxScopes)
        {
            errors["scopes"] = T["At most {0} scopes.", MaxScopes];
        }
        else if (scopes.FirstOrDefault(s => s.Length > 100 || s.Any(c => c <= ' ' || c == '"' || c == '\\' || c > '~')) is { } badScope)
        {
            errors["scopes"] = T["'{0}' is not a scope: scopes are words of letters, digits and signs, without spaces or quotes.", badScope];
        }

        return scopes;
    }

    private IReadOnlyList<string> CheckDomains(IReadOnlyList<string>? input, IReadOnlyList<string> current, bool autoProvision, Dictionary<string, string> errors)
    {
        var domains = input is null
            ? current
            : [.. input.Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal)];
        if (domains.Count > MaxDomains)
        {
            errors["allowedDomains"] = T["At most {0} e-mail domains.", MaxDomains];
        }
        else if (domains.FirstOrDefault(d => d.Length > 253 || !d.Contains('.', StringComparison.Ordinal) || Uri.CheckHostName(d) != UriHostNameType.Dns) is { } badDomain)
        {
            errors["allowedDomains"] = T["'{0}' is not an e-mail domain such as contoso.com.", badDomain];
        }
        else if (autoProvision && domains.Count == 0)
        {
            errors["allowedDomains"] = T["Name the e-mail domains whose people may get an account at their first sign-in, or do not create accounts."];
        }

        return domains;
    }

    /// <summary>Whether an http (not https) authority is accepted: only on this machine, for development and tests.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
    }

    private string? CheckAuthority(string authority)
    {
        if (authority.Length > 500)
        {
            return T["The authority must be at most {0} characters.", 500];
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            return T["'{0}' is not an address: give the provider's issuer, such as https://login.example.com/realms/staff.", authority];
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return T["The authority is the issuer's address alone, without query, fragment or user name."];
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            return T["The authority must use https (http is accepted only for a provider on this machine)."];
        }

        return null;
    }

    private async Task<OpenIdConnectSettings> LoadAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync<OpenIdConnectSettings>(OpenIdConnectSettings.DocumentId, cancellationToken) ?? new OpenIdConnectSettings();

    private static OpenIdConnectSettingsView ToView(OpenIdConnectSettings settings) =>
        new(settings.ProviderName, settings.Authority, settings.ClientId, settings.ProtectedClientSecret.Length > 0,
            settings.Scopes, settings.AutoProvision, settings.AllowedDomains, OpenIdConnectStartup.CallbackPath);
}
