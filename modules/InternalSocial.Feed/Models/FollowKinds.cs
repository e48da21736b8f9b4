namespace InternalSocial.Feed.Models;

public static class FollowKinds
{
    public const string Person = "person";
    public const string Tag = "tag";
}
