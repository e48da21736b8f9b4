using System.Globalization;
using InternalSocial.Polls.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Services;

/// <summary>
/// The changes one vote makes to a question's tallies, netted per row and written in key order: two votes changing
/// the same rows then lock them in the same order and cannot deadlock (PostgreSQL).
/// </summary>
internal sealed class TallyDeltas(long questionId)
{
    private readonly SortedDictionary<(long OptionId, string Dimension, string Value), int> _deltas = new(Comparer<(long, string, string)>.Create(Compare));

    public bool IsEmpty => _deltas.Values.All(d => d == 0);

    /// <summary>Counts an option once overall, and once in the voter's department and site when they have one.</summary>
    public void Add(long optionId, string? department, string? site, int delta)
    {
        Add((optionId, TallyDimensions.All, ""), delta);
        if (!string.IsNullOrEmpty(department))
        {
            Add((optionId, TallyDimensions.Department, department), delta);
        }

        if (!string.IsNullOrEmpty(site))
        {
            Add((optionId, TallyDimensions.Site, site), delta);
        }
    }

    /// <summary>
    /// One statement for all the rows, each changed in place (Count = Count + delta), never read then written:
    /// concurrent votes cannot lose a count.
    /// </summary>
    public async Task ApplyAsync(PollsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = _deltas.Where(d => d.Value != 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var values = new List<object>(rows.Count * 5);
        var tuples = new List<string>(rows.Count);
        foreach (var ((optionId, dimension, value), delta) in rows)
        {
            var at = values.Count;
            tuples.Add(string.Create(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}})"));
            values.AddRange([optionId, dimension, value, questionId, delta]);
        }

        var sql = $"""INSERT INTO "Polls_Tallies" ("OptionId", "Dimension", "Value", "QuestionId", "Count") VALUES {string.Join(", ", tuples)} ON CONFLICT ("OptionId", "Dimension", "Value") DO UPDATE SET "Count" = "Polls_Tallies"."Count" + excluded."Count" """;
        await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
    }

    private void Add((long, string, string) key, int delta) => _deltas[key] = _deltas.GetValueOrDefault(key) + delta;

    private static int Compare((long OptionId, string Dimension, string Value) a, (long OptionId, string Dimension, string Value) b)
    {
        var byOption = a.OptionId.CompareTo(b.OptionId);
        if (byOption != 0)
        {
            return byOption;
        }

        var byDimension = string.CompareOrdinal(a.Dimension, b.Dimension);
        return byDimension != 0 ? byDimension : string.CompareOrdinal(a.Value, b.Value);
    }
}
