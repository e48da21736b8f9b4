using InternalSocial.Kernel.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Notifications.Services;

/// <summary>The site's public address, remembered from requests so that mails written in the background link back too.</summary>
public sealed class PublicSiteAddress
{
    public string BaseUrl { get; set; } = "";
}

/// <summary>Absolute links for mails, and one-click unsubscribe tokens (signed with the tenant's key, one per person and kind).</summary>
public sealed class NotificationLinks(IHttpContextAccessor http, DocumentStore documents, IDataProtectionProvider protection)
{
    private const string DocumentId = "Notifications.PublicSiteAddress";
    private readonly IDataProtector _tokens = protection.CreateProtector("InternalSocial.Notifications.Unsubscribe");

    /// <summary>The request's base address (scheme, host and tenant prefix), saved when it changed; else the last one seen.</summary>
    public async Task<string> GetBaseUrlAsync(CancellationToken cancellationToken)
    {
        var stored = await documents.GetAsync<PublicSiteAddress>(DocumentId, cancellationToken);
        if (http.HttpContext?.Request is { } request)
        {
            var current = $"{request.Scheme}://{request.Host}{request.PathBase}";
            if (stored?.BaseUrl != current)
            {
                await documents.SaveAsync(DocumentId, new PublicSiteAddress { BaseUrl = current }, cancellationToken);
            }

            return current;
        }

        return stored?.BaseUrl ?? "";
    }

    public string CreateUnsubscribeToken(string userId, string kind) => _tokens.Protect($"{userId}\n{kind}");

    public (string UserId, string Kind)? ReadUnsubscribeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _tokens.Unprotect(token).Split('\n');
            return parts.Length == 2 ? (parts[0], parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
