using InternalSocial.Kernel.Modules;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks.Module;

/// <summary>An event with the facts an approval needs, so benchmark workflows can branch, finish or create tasks.</summary>
public sealed class BenchEvent : EventActivity
{
    public override string Type => "bench.event";

    public override string DisplayName => "Benchmark event";

    public override IReadOnlyList<string> Facts => ["bench.n", "subject.type", "subject.id", "subject.groupId", "subject.authorId", "subject.summary"];
}

[ForFeature("Bench.Workflows")]
public sealed class BenchWorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<IActivity, BenchEvent>();
}
