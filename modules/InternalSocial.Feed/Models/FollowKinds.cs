namespace InternalSocial.Feed.Models;

internal static class FollowKinds
{
    public const string Person = "person";
    public const string Tag = "tag";
}
