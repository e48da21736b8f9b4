using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Settings;

/// <summary>
/// The tenant's public address, the one start of every absolute link the site writes into an e-mail (password
/// reset, invitation, confirmation, notifications, digests, newsletters). Never the request's Host header: a client
/// chooses it (<c>AllowedHosts: *</c>), and a link built from it would send a reset token to the client's own site.
/// In order: the tenant's <see cref="SiteSettings.BaseUrl"/>; else <c>https://</c> its first configured host name and
/// its prefix; else the installation's <see cref="InternalSocialOptions.BaseUrl"/> and the prefix; else the address the
/// server is configured to listen at, when it names a host (<c>--urls http://127.0.0.1:5080</c>, not
/// <c>http://+:80</c>), and the prefix; else none, and no link is written. Each is chosen by an operator, none by a client.
/// </summary>
public sealed class TenantUrls(
    SiteSettingsService settings,
    ShellSettings shell,
    IOptions<InternalSocialOptions> options,
    IStringLocalizer<KernelResources> T,
    ILogger<TenantUrls> logger,
    IServer? server = null)
{
    /// <summary>The address without a trailing slash, or null (logged) when the tenant has none.</summary>
    public async Task<string?> GetBaseUrlAsync(CancellationToken cancellationToken)
    {
        if ((await settings.GetAsync(cancellationToken)).BaseUrl is { Length: > 0 } configured)
        {
            return configured;
        }

        var prefix = shell.RequestUrlPrefix.Length > 0 ? "/" + shell.RequestUrlPrefix : "";
        if (shell.RequestUrlHosts.FirstOrDefault(h => h.Length > 0) is { } host)
        {
            return "https://" + host + prefix;
        }

        if (options.Value.BaseUrl is { Length: > 0 } installation && Normalize(installation) is { } origin)
        {
            return origin + prefix;
        }

        if (ListeningOrigin(server) is { } listening)
        {
            return listening + prefix;
        }

        logger.LogError("Tenant {Tenant} has no public address (site setting BaseUrl, a host name, or InternalSocial:BaseUrl): links in e-mails cannot be written.", shell.Name);
        return null;
    }

    /// <exception cref="ConflictException">The tenant has no public address, so a mail with a link cannot be sent.</exception>
    public async Task<string> RequireBaseUrlAsync(CancellationToken cancellationToken) =>
        await GetBaseUrlAsync(cancellationToken)
        ?? throw new ConflictException(T["This organisation has no public address for links in e-mails; an administrator must set it in the settings (Public address)."]);

    /// <summary>The first address the server listens at that names a host (not a wildcard such as <c>+</c> or <c>0.0.0.0</c>).</summary>
    private static string? ListeningOrigin(IServer? server)
    {
        foreach (var address in server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var binding = BindingAddress.Parse(address);
            if (binding.Host is not ("+" or "*" or "0.0.0.0" or "[::]" or "::" or "") && Normalize($"{binding.Scheme}://{binding.Host}:{binding.Port}") is { } origin)
            {
                return origin;
            }
        }

        return null;
    }

    /// <summary>An absolute http(s) URL without query, fragment or user info, without its trailing slash; null when it is not one.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 500
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>
    /// What a tenant being set up gets when the person setting it up gives no address: the origin they are using and the
    /// tenant's prefix. They become (or already are) its administrator, so the Host they send is theirs to choose; after
    /// setup, nobody's request changes it. Null for a tenant with host names, which give the address themselves.
    /// </summary>
    public static string? SuggestAtSetup(HttpRequest request, ShellSettings target)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        return target.RequestUrlHosts.Count > 0 || !request.Host.HasValue
            ? null
            : Normalize($"{request.Scheme}://{request.Host}" + (target.RequestUrlPrefix.Length > 0 ? "/" + target.RequestUrlPrefix : ""));
    }
}
