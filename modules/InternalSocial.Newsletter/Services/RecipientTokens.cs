using System.Security.Cryptography;

namespace InternalSocial.Newsletter.Services;

/// <summary>The unguessable token each recipient's mail carries: it proves an open, a click or an unsubscription without signing in.</summary>
internal static class RecipientTokens
{
    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Only the shape a token has: anything else is answered without a query.</summary>
    public static bool IsWellFormed(string token) => token.Length == 32 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
