namespace InternalSocial.Users.Abstractions;

/// <summary>Claims the Users module puts on a sign-in cookie's principal for other modules to read.</summary>
public static class SignInClaims
{
    /// <summary>
    /// Present (value <c>true</c>) when this sign-in created the person's account through the organisation's single
    /// sign-on: the identity provider vouched for them and this is their first visit. It lasts for that browser session
    /// until the principal is rebuilt from the account (the periodic security-stamp check, or signing in again).
    /// </summary>
    public const string FirstSingleSignOn = "internalsocial:first-sso";
}
