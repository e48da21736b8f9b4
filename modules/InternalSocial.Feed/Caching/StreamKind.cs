namespace InternalSocial.Feed.Caching;

/// <summary>The audiences a home feed is made of: everyone, a department, a site, a group.</summary>
internal enum StreamKind
{
    Everyone,
    Department,
    Site,
    Group,
}
