namespace InternalSocial.Users.Abstractions;

/// <summary>Counts of people, in one query each, for modules that show how many a figure concerns without listing them.</summary>
public interface IPeopleCounts
{
    /// <summary>
    /// The active guests (<paramref name="guests"/> true) or active employees (everyone else), among
    /// <paramref name="among"/> when given (ids of no one, or of people of the other kind, count for nothing).
    /// </summary>
    Task<int> CountActiveAsync(bool guests, IReadOnlyCollection<string>? among, CancellationToken cancellationToken);
}
