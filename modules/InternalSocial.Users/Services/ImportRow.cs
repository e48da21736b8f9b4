namespace InternalSocial.Users.Services;

/// <summary>One good row of an import file, with the ids the import gives it.</summary>
internal sealed class ImportRow
{
    public int Line { get; init; }

    public required string Email { get; init; }

    public required string NormalizedEmail { get; init; }

    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? ExistingId { get; set; }

    public string Id { get; set; } = "";

    public string? ManagerId { get; set; }

    public string Get(string column) => Values.GetValueOrDefault(column, "");

    public bool Has(string column) => Values.ContainsKey(column);

    public IReadOnlyList<string> List(string column) =>
        [.. Get(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).DistinctBy(Folding.Tag)];
}
