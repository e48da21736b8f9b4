using InternalSocial.Metrics;

// dotnet run --project tools/InternalSocial.Metrics -- <repository> [<repository after>]
// One checkout: its measures and the lists behind them. Two: the measures side by side, before then after.
if (args.Length is < 1 or > 2 || args.Any(a => !Directory.Exists(a)))
{
    await Console.Error.WriteLineAsync("Usage: InternalSocial.Metrics <repository root> [<repository root after>]");
    return 2;
}

var measures = args.Select(RepositoryMetrics.Measure).ToList();
Console.Write(measures.Count == 1 ? MarkdownReport.One(measures[0]) : MarkdownReport.Compare(measures[0], measures[1]));
return 0;
