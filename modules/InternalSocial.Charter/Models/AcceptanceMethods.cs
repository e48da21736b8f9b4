using System.Security.Claims;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Charter.Models;

/// <summary>
/// How a person accepted: on the charter page (<see cref="Page"/>), through the API (<see cref="Api"/>), or on the
/// charter page during the very sign-in that created their account through the organisation's single sign-on
/// (<see cref="Sso"/>: the Users module marks that session with <see cref="SignInClaims.FirstSingleSignOn"/>). The
/// identity provider asserts who the person is, not that they accepted: an <c>sso</c> acceptance is still one they gave
/// on the page, at their first visit.
/// </summary>
internal static class AcceptanceMethods
{
    public const string Page = "page";
    public const string Api = "api";
    public const string Sso = "sso";

    public static bool IsKnown(string? method) => method is Page or Api or Sso;

    /// <summary>What an acceptance on the charter page is recorded as, for this person's session.</summary>
    public static string OnPage(ClaimsPrincipal user) =>
        user?.HasClaim(SignInClaims.FirstSingleSignOn, "true") == true ? Sso : Page;
}
