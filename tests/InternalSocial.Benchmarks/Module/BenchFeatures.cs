namespace InternalSocial.Benchmarks.Module;

/// <summary>The ids declared in Manifest.cs, for the benchmarks to switch on and off.</summary>
public static class BenchFeatures
{
    public const string Ping = "Bench.Ping";

    public const int NumberedCount = 15;

    /// <summary>Bench.F01 … Bench.F15.</summary>
    public static IReadOnlyList<string> Numbered { get; } =
        [.. Enumerable.Range(1, NumberedCount).Select(n => $"Bench.F{n:00}")];

    /// <summary>The feature the rebuild benchmarks toggle; the other fourteen stay on.</summary>
    public static string Toggled => Numbered[^1];

    public static IReadOnlyList<string> All { get; } = [Ping, .. Numbered];
}
