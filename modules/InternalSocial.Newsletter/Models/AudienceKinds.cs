namespace InternalSocial.Newsletter.Models;

internal static class AudienceKinds
{
    public const string Department = "department";
    public const string Site = "site";
    public const string Group = "group";
}
