using System.Security.Claims;

namespace InternalSocial.Kernel.Security;

/// <summary>The signed-in person's id, as the sign-in (cookie, token or single sign-on) wrote it.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The person's id, or null for an anonymous visitor.</summary>
    public static string? FindUserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    /// <summary>The person's id, or "" for an anonymous visitor: no person has that id, so lookups find nothing.</summary>
    public static string GetUserId(this ClaimsPrincipal user) => user.FindUserId() ?? "";
}
