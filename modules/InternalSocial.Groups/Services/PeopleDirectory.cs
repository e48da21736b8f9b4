using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

/// <summary>
/// Finds people for invitations, CSV imports and membership rules, through the Users module's contract
/// <see cref="IPeopleLookup"/> only: summaries (department, site), e-mail addresses, and everyone in batches. Rules
/// read only <see cref="PersonSummary"/> fields, so they work unchanged when the People module fills Department and Site.
/// </summary>
internal sealed class PeopleDirectory(IPeopleLookup people)
{
    private const int Batch = 500;

    /// <summary>Resolves user names, e-mail addresses or user ids; returns the found people and the entries that matched nobody.</summary>
    public async Task<(IReadOnlyList<PersonSummary> Found, IReadOnlyList<string> Unknown)> ResolveAsync(IReadOnlyCollection<string> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var wanted = entries.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new Dictionary<string, PersonSummary>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var byId = await people.GetByIdsAsync(wanted, cancellationToken);
        var byName = await people.GetByUserNamesAsync(wanted.Where(e => !byId.ContainsKey(e) && !e.Contains('@', StringComparison.Ordinal)).ToList(), cancellationToken);
        foreach (var entry in wanted)
        {
            PersonSummary? person = byId.GetValueOrDefault(entry) ?? byName.GetValueOrDefault(entry.ToUpperInvariant());
            if (person is null && entry.Contains('@', StringComparison.Ordinal))
            {
                person = await people.FindByEmailAsync(entry, cancellationToken);
            }

            if (person is null)
            {
                unknown.Add(entry);
            }
            else
            {
                found[person.Id] = person;
            }
        }

        return ([.. found.Values], unknown);
    }

    /// <summary>Active people matching <paramref name="predicate"/>, read in batches of user ids.</summary>
    public async Task<IReadOnlyList<PersonSummary>> WhereAsync(Func<PersonSummary, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var matches = new List<PersonSummary>();
        string? after = null;
        while (true)
        {
            var ids = await people.GetUserIdsAfterAsync(after, Batch, cancellationToken);
            if (ids.Count == 0)
            {
                return matches;
            }

            var summaries = await people.GetByIdsAsync(ids, cancellationToken);
            matches.AddRange(summaries.Values.Where(p => p.IsActive && predicate(p)));
            after = ids[^1];
        }
    }

    public async Task<IReadOnlyDictionary<string, PersonSummary>> GetByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await people.GetByIdsAsync(ids, cancellationToken);
}
