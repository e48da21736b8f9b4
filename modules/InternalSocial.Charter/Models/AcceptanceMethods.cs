namespace InternalSocial.Charter.Models;

/// <summary>How a person accepted: on the charter page, through the API, or asserted by the identity provider at first sign-in.</summary>
internal static class AcceptanceMethods
{
    public const string Page = "page";
    public const string Api = "api";
    public const string Sso = "sso";

    public static bool IsKnown(string? method) => method is Page or Api or Sso;
}
