using Microsoft.AspNetCore.DataProtection;

namespace InternalSocial.Notifications.Services;

/// <summary>One-click unsubscribe tokens for mails' links, signed with the tenant's key, one per person and kind.</summary>
internal sealed class NotificationLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _tokens = protection.CreateProtector("InternalSocial.Notifications.Unsubscribe");

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
