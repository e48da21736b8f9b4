namespace InternalSocial.Feed.Models;

public static class AudienceKinds
{
    public const string Department = "department";
    public const string Site = "site";
}
