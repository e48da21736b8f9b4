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

        if (args.Length > 0 && args[0] is "--feed" or "--feed-postgres")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            var postgres = args[0] == "--feed-postgres"
                ? Environment.GetEnvironmentVariable(FeedBenchmark.PostgresVariable) is { Length: > 0 } server ? server : FeedBenchmark.DefaultPostgres
                : null;
            await FeedBenchmark.RunAsync(Arg(1, 10_000), Arg(2, 1_000_000), Arg(3, 500), Arg(4, 10), Console.Out, postgres);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--workflows")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            await WorkflowBenchmark.RunAsync(Arg(1, 2_000), Arg(2, 10_000), Arg(3, 300), Console.Out);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--fanout")
        {
            await FanOutBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000, Console.Out);
            return 0;
        }

        if (args.Length > 0 && args[0] is "--polls" or "--polls-postgres")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            var postgres = args[0] == "--polls-postgres"
                ? Environment.GetEnvironmentVariable(FeedBenchmark.PostgresVariable) is { Length: > 0 } server ? server : FeedBenchmark.DefaultPostgres
                : null;
            await PollsBenchmark.RunAsync(Arg(1, 100_000), Arg(2, 500), Arg(3, 1_001), Console.Out, postgres);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--surveys")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            await SurveysBenchmark.RunAsync(Arg(1, 10_000), Arg(2, 500), Console.Out);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--quizzes")
        {
            await QuizzesBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500, Console.Out);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--charter")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            await CharterBenchmark.RunAsync(Arg(1, 20), Arg(2, 200), Arg(3, 10_000), Console.Out);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--group-feed")
        {
            int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
            await GroupFeedBenchmark.RunAsync(Arg(1, 100_000), Arg(2, 200), Console.Out);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--interleaved")
        {
            var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
            var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
            await InterleavedOverhead.RunAsync(rounds, requests, Console.Out);
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
        var results = summaries
            .SelectMany(s => s.Reports)
            .Where(r => r.ResultStatistics is not null)
            // With several jobs on the command line a case appears once per job; the verdicts use the first.
            .GroupBy(r => (r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Transport: r.BenchmarkCase.Parameters["Transport"] as Transport?))
            .ToDictionary(g => g.Key, g => g.First().ResultStatistics!);
        if (results.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Targets, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores"));
        output.WriteLine("// A verdict is given only when the 99.9% confidence interval lies wholly on one side of the target;");
        output.WriteLine("// a short job on a busy machine mostly ends 'inconclusive': use --interleaved for the request overhead then.");
        foreach (var transport in Enum.GetValues<Transport>())
        {
            if (results.TryGetValue((nameof(RequestOverheadBenchmarks.Bare), transport), out var bare)
                && results.TryGetValue((nameof(RequestOverheadBenchmarks.Tenant), transport), out var tenant))
            {
                var overhead = Percent(tenant.Mean, bare.Mean);
                var low = Percent(tenant.ConfidenceInterval.Lower, bare.ConfidenceInterval.Upper);
                var high = Percent(tenant.ConfidenceInterval.Upper, bare.ConfidenceInterval.Lower);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"//   Tenant routing overhead, {transport}: {bare.Mean / 1000:F1} -> {tenant.Mean / 1000:F1} us = {overhead:+0.0;-0.0}% (interval {Interval(low, high)}; target < {OverheadTargetPercent}%): {Verdict(low, high, OverheadTargetPercent)}"));
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
            if (results.TryGetValue((method, null), out var rebuild))
            {
                const double NanosecondsPerMillisecond = 1_000_000;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"//   Shell rebuild, {method}: mean {rebuild.Mean / NanosecondsPerMillisecond:F1} ms, median {rebuild.Median / NanosecondsPerMillisecond:F1} ms (target < {RebuildTargetMilliseconds} ms): {Verdict(rebuild.ConfidenceInterval.Lower / NanosecondsPerMillisecond, rebuild.ConfidenceInterval.Upper / NanosecondsPerMillisecond, RebuildTargetMilliseconds)}"));
            }
        }
    }

    private static double Percent(double value, double baseline) => (value / baseline - 1) * 100;

    private static string Interval(double low, double high) =>
        double.IsNaN(low) || double.IsNaN(high)
            ? "none: too few iterations"
            : string.Create(CultureInfo.InvariantCulture, $"{low:+0.0;-0.0}% .. {high:+0.0;-0.0}%");

    private static string Verdict(double low, double high, double target) =>
        high < target ? "met" : low >= target ? "MISSED" : "inconclusive";
}
