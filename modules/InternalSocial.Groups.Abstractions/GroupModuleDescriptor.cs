namespace InternalSocial.Groups.Abstractions;

/// <summary>
/// A module that adds a tab to groups (polls, documents, calendar…).
/// <paramref name="DisplayName"/> is already in the request's language (the provider translates it).
/// <paramref name="TabUrlPattern"/> is a site path such as <c>~/groups/{id}/polls</c>; <c>{id}</c> and <c>{slug}</c> are replaced.
/// </summary>
public sealed record GroupModuleDescriptor(string Key, string DisplayName, string FeatureId, string TabUrlPattern, int Order = 0)
{
    public string TabUrl(long groupId, string slug) =>
        TabUrlPattern.Replace("{id}", groupId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{slug}", slug, StringComparison.Ordinal);
}
