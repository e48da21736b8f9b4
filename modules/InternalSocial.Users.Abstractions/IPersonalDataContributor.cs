namespace InternalSocial.Users.Abstractions;

/// <summary>
/// A module's share of a person's data export (GDPR access right): the Users module writes the profile, the feed
/// adds posts, comments and reactions, and so on. Each contributor's object becomes <c>{Name}.json</c> in the ZIP.
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>A file-name-safe name, such as <c>posts</c>.</summary>
    string Name { get; }

    /// <summary>Everything this module holds about the person, as an object serialized to JSON; null when nothing.</summary>
    Task<object?> CollectAsync(string userId, CancellationToken cancellationToken);
}
