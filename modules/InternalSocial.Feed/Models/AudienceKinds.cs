namespace InternalSocial.Feed.Models;

internal static class AudienceKinds
{
    public const string Department = "department";
    public const string Site = "site";
}
