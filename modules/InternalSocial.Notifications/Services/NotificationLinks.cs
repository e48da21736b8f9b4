using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.DataProtection;

namespace InternalSocial.Notifications.Services;

/// <summary>Absolute links for mails, and one-click unsubscribe tokens (signed with the tenant's key, one per person and kind).</summary>
internal sealed class NotificationLinks(TenantUrls urls, IDataProtectionProvider protection)
{
    private readonly IDataProtector _tokens = protection.CreateProtector("InternalSocial.Notifications.Unsubscribe");

    /// <summary>The tenant's public address (<see cref="TenantUrls"/>), the same in a request and in the background; "" when it has none (logged).</summary>
    public async Task<string> GetBaseUrlAsync(CancellationToken cancellationToken) => await urls.GetBaseUrlAsync(cancellationToken) ?? "";

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
