using System.Diagnostics;
using System.Globalization;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Benchmarks.Module;

namespace InternalSocial.Benchmarks;

/// <summary>
/// A cross-check of <see cref="RequestOverheadBenchmarks"/> for a busy machine. BenchmarkDotNet measures the three
/// apps one after the other, minutes apart, so a build started meanwhile by someone else lands on one of them only.
/// Here the three run in one process and take turns in short rounds; the overhead is the median over rounds of
/// each round's own ratio, which load that comes and goes mostly cancels out of.
/// </summary>
internal static class InterleavedOverhead
{
    private const int WarmupRequests = 3000;

    public static async Task RunAsync(int rounds, int requestsPerRound, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Interleaved request overhead, {rounds} rounds of {requestsPerRound} sequential GET {PingStartup.Path} per app, {Environment.ProcessorCount} cores, {DateTimeOffset.Now:yyyy-MM-dd}."));
        output.WriteLine();
        output.WriteLine("| Transport | App | Median us/request | P25 | P75 | Ratio to Bare, median of rounds | P25..P75 of the ratio | Allocated KB/request |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var transport in Enum.GetValues<Transport>())
        {
            await RunTransportAsync(transport, rounds, requestsPerRound, output);
        }
    }

    private static async Task RunTransportAsync(Transport transport, int rounds, int requestsPerRound, TextWriter output)
    {
        await using var bare = await BareHost.StartMinimalAsync(transport);
        await using var middleware = await BareHost.StartWithTenantMiddlewareAsync(transport);
        await using var tenant = await InternalSocialHost.StartAsync(transport);
        var apps = new (string Name, RunningApp App)[]
        {
            (nameof(RequestOverheadBenchmarks.Bare), bare),
            (nameof(RequestOverheadBenchmarks.BareWithTenantMiddleware), middleware),
            (nameof(RequestOverheadBenchmarks.Tenant), tenant),
        };
        foreach (var (_, app) in apps)
        {
            await SendAsync(app, WarmupRequests);
        }

        var micros = apps.ToDictionary(a => a.Name, _ => new List<double>());
        var kilobytes = apps.ToDictionary(a => a.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            // Rotating the order keeps any app from always following the one whose garbage it would collect.
            for (var turn = 0; turn < apps.Length; turn++)
            {
                var (name, app) = apps[(round + turn) % apps.Length];
                var bytes = GC.GetTotalAllocatedBytes(precise: false);
                var watch = Stopwatch.StartNew();
                await SendAsync(app, requestsPerRound);
                micros[name].Add(watch.Elapsed.TotalMicroseconds / requestsPerRound);
                kilobytes[name].Add((GC.GetTotalAllocatedBytes(precise: false) - bytes) / 1024.0 / requestsPerRound);
            }
        }

        var bareMicros = micros[apps[0].Name];
        foreach (var (name, _) in apps)
        {
            var sorted = micros[name].Order().ToList();
            var ratios = micros[name].Zip(bareMicros, (app, baseline) => app / baseline).Order().ToList();
            var ratio = Median(ratios);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {transport} | {name} | {Median(sorted):F1} | {sorted[sorted.Count / 4]:F1} | {sorted[sorted.Count * 3 / 4]:F1} | {ratio:F3} ({(ratio - 1) * 100:+0.0;-0.0}%) | {ratios[ratios.Count / 4]:F3}..{ratios[ratios.Count * 3 / 4]:F3} | {Median(kilobytes[name]):F2} |"));
        }
    }

    private static async Task SendAsync(RunningApp app, int count)
    {
        for (var request = 0; request < count; request++)
        {
            await app.Client.GetStringAsync(PingStartup.Path);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
