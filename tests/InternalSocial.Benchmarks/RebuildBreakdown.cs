using System.Diagnostics;
using System.Globalization;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// Splits a shell rebuild into the steps ShellHost and FeatureManager take, through the kernel's public API,
/// so that a missed target names what dominates. Stopwatch rounds rather than BenchmarkDotNet: the steps depend
/// on each other's state and each is too short a part of a round to isolate by iteration setups.
/// </summary>
internal static class RebuildBreakdown
{
    private const int WarmupRounds = 3;

    public static async Task RunAsync(int rounds, TextWriter output)
    {
        await using var host = await InternalSocialHost.StartAsync(Transport.Kestrel);
        var shells = host.Shells;
        var factory = host.Services.GetRequiredService<ShellContainerFactory>();
        var settings = shells.Get(InternalSocialHost.Tenant);
        var database = new TenantDatabase(settings, host.Services.GetRequiredService<AppDataFolder>());
        var benchAssembly = typeof(RebuildBreakdown).Assembly;
        var timer = new PhaseTimer();
        var featureCount = 0;
        var endpointCount = 0;
        var fixedEndpointCount = 0;
        var actionCount = 0;
        var fixedFeatureCount = 0;

        for (var round = 0; round < WarmupRounds + rounds; round++)
        {
            timer.Recording = round >= WarmupRounds;

            var descriptor = await timer.TimeAsync("ShellHost.LoadDescriptorAsync (EF Core context + query)", () => shells.LoadDescriptorAsync(database, CancellationToken.None));
            var features = timer.Time("ShellHost.ResolveFeatures", () => shells.ResolveFeatures(settings, descriptor.EnabledFeatures));
            featureCount = features.Count;
            timer.Time("ShellHost.Migrate, kernel only (every EnableAsync runs it)", () =>
            {
                shells.Migrate(database, []);
                return 0;
            });

            // MapControllers already discovers the MVC actions inside Create; what a fresh shell still lacks is its
            // endpoints, which the first request builds. Built here on a shell that never serves, so that the
            // request timed below is not spared any of it (minimal API data sources do not cache their endpoints).
            var preview = timer.Time("ShellContainerFactory.Create, all features", () => factory.Create(settings, features));
            endpointCount = timer.Time("  its endpoints, built (what a first request builds)", () => preview.Services.GetRequiredService<EndpointDataSource>().Endpoints.Count);
            await preview.DisposeAsync();

            var withoutBench = features.Where(f => f.Module.Assembly != benchAssembly).ToList();
            fixedFeatureCount = withoutBench.Count;
            var fixedShell = timer.Time("ShellContainerFactory.Create, without the bench module", () => factory.Create(settings, withoutBench));
            fixedEndpointCount = timer.Time("  its endpoints, built", () => fixedShell.Services.GetRequiredService<EndpointDataSource>().Endpoints.Count);
            await fixedShell.DisposeAsync();

            var shell = await timer.TimeAsync("ReloadShellAsync in ChangeTenantAsync", () => shells.ChangeTenantAsync(
                InternalSocialHost.Tenant, () => shells.ReloadShellAsync(InternalSocialHost.Tenant, CancellationToken.None), CancellationToken.None));
            await timer.TimeAsync("  first request on the new shell", host.WarmAsync);
            await timer.TimeAsync("  second request on the same shell", host.WarmAsync);
            for (var request = 0; request < 8; request++)
            {
                await host.WarmAsync();
            }

            await timer.TimeAsync("  eleventh request on the same shell", host.WarmAsync);
            actionCount = shell.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.Count;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Shell rebuild breakdown, {rounds} rounds after {WarmupRounds} warm-up rounds, {Environment.ProcessorCount} cores, {DateTimeOffset.Now:yyyy-MM-dd}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{featureCount} features in the shell ({fixedFeatureCount} without the bench module); {endpointCount} endpoints ({fixedEndpointCount} without the bench module), of which {actionCount} MVC actions."));
        output.WriteLine();
        timer.WriteTable(output);
    }

    private sealed class PhaseTimer
    {
        private readonly List<(string Name, List<double> Milliseconds, List<long> Bytes)> _phases = [];

        public bool Recording { get; set; }

        public T Time<T>(string name, Func<T> step)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = step();
            Record(name, watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytes);
            return result;
        }

        public async Task<T> TimeAsync<T>(string name, Func<Task<T>> step)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = await step();
            Record(name, watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytes);
            return result;
        }

        public Task TimeAsync(string name, Func<Task> step) =>
            TimeAsync(name, async () =>
            {
                await step();
                return true;
            });

        public void WriteTable(TextWriter output)
        {
            output.WriteLine("| Step | Mean ms | Median ms | Min ms | Max ms | Allocated MB (all threads) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (name, milliseconds, bytes) in _phases)
            {
                var sorted = milliseconds.Order().ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {sorted.Average():F1} | {sorted[sorted.Count / 2]:F1} | {sorted[0]:F1} | {sorted[^1]:F1} | {bytes.Average() / (1024 * 1024):F2} |"));
            }
        }

        private void Record(string name, double milliseconds, long bytes)
        {
            if (!Recording)
            {
                return;
            }

            var index = _phases.FindIndex(p => p.Name == name);
            if (index < 0)
            {
                _phases.Add((name, [], []));
                index = _phases.Count - 1;
            }

            _phases[index].Milliseconds.Add(milliseconds);
            _phases[index].Bytes.Add(bytes);
        }
    }
}
