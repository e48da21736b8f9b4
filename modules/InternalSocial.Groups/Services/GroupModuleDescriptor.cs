using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

/// <summary>
/// A module that adds a tab to groups (polls, documents, calendar…).
/// <paramref name="DisplayName"/> is already in the request's language (the provider translates it).
/// <paramref name="TabUrlPattern"/> is a site path such as <c>~/groups/{id}/polls</c>; <c>{id}</c> and <c>{slug}</c> are replaced.
/// </summary>
public sealed record GroupModuleDescriptor(string Key, string DisplayName, string FeatureId, string TabUrlPattern, int Order = 0)
{
    public string TabUrl(Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return TabUrlPattern.Replace("{id}", group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{slug}", group.Slug, StringComparison.Ordinal);
    }
}
