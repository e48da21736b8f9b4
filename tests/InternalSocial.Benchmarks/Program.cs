using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using InternalSocial.Benchmarks.Hosting;

namespace InternalSocial.Benchmarks;

public static class Program
{
    private const double OverheadTargetPercent = 10;
    private const double RebuildTargetMilliseconds = 300;

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "--breakdown")
        {
            var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
            await RebuildBreakdown.RunAsync(rounds, Console.Out);
            return 0;
        }

        // Without a filter BenchmarkSwitcher asks on the console which benchmark to run; a plain run means all.
        var withFilter = args.Any(a => a is "--filter" or "-f") ? args : [.. args, "--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(withFilter).ToList();
        WriteTargets(summaries, Console.Out);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static void WriteTargets(IReadOnlyList<Summary> summaries, TextWriter output)
    {
        var means = summaries
            .SelectMany(s => s.Reports)
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(r => (r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Transport: r.BenchmarkCase.Parameters["Transport"] as Transport?), r => r.ResultStatistics!.Mean);
        if (means.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Targets, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores"));
        foreach (var transport in Enum.GetValues<Transport>())
        {
            if (means.TryGetValue((nameof(RequestOverheadBenchmarks.Bare), transport), out var bare)
                && means.TryGetValue((nameof(RequestOverheadBenchmarks.Tenant), transport), out var tenant))
            {
                var overhead = (tenant / bare - 1) * 100;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"//   Tenant routing overhead, {transport}: {bare / 1000:F1} us -> {tenant / 1000:F1} us = {overhead:+0.0;-0.0}% (target < {OverheadTargetPercent}%): {(overhead < OverheadTargetPercent ? "met" : "MISSED")}"));
            }
        }

        foreach (var method in new[]
        {
            nameof(ShellRebuildBenchmarks.DisableFeature),
            nameof(ShellRebuildBenchmarks.EnableFeature),
            nameof(ShellRebuildBenchmarks.ReloadShell),
            nameof(ShellRebuildBenchmarks.DisableFeatureThenFirstRequest),
            nameof(ShellRebuildBenchmarks.EnableFeatureThenFirstRequest),
            nameof(ShellRebuildBenchmarks.ReloadShellThenFirstRequest),
        })
        {
            if (means.TryGetValue((method, null), out var nanoseconds))
            {
                var milliseconds = nanoseconds / 1_000_000;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"//   Shell rebuild, {method}: {milliseconds:F1} ms (target < {RebuildTargetMilliseconds} ms): {(milliseconds < RebuildTargetMilliseconds ? "met" : "MISSED")}"));
            }
        }
    }
}
