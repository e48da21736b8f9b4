using System.Text.Json.Nodes;
using InternalSocial.Kernel.Modules;
using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>Small activities for the engine tests: an event, one that writes a row, one that fails on demand.</summary>
public static class ProbeWorkflowState
{
    private static volatile bool _shouldFail;

    public static bool ShouldFail
    {
        get => _shouldFail;
        set => _shouldFail = value;
    }
}

public sealed class ProbeEvent : EventActivity
{
    public override string Type => "probe.event";

    public override string DisplayName => "Probe event";

    public override IReadOnlyList<string> Facts => ["probe.value", "probe.key"];
}

/// <summary>Writes "{text}:{probe.value}" as a probe note, in the run's transaction.</summary>
public sealed class ProbeRecord : TaskActivity
{
    public override string Type => "probe.record";

    public override string DisplayName => "Probe record";

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<ProbeDbContext>();
        db.Notes.Add(new ProbeNote { Text = $"{context.Properties["text"]?.GetValue<string>()}:{context.Text("probe.value")}", CreatedUtc = context.NowUtc });
        await db.SaveChangesAsync(cancellationToken);
        return ActivityResult.Outcome(ActivityOutcomes.Done);
    }
}

public sealed class ProbeFail : TaskActivity
{
    public override string Type => "probe.fail";

    public override string DisplayName => "Probe failure";

    public override Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ProbeWorkflowState.ShouldFail ? throw new InvalidOperationException("The probe was told to fail.") : Task.FromResult(ActivityResult.Outcome(ActivityOutcomes.Done));
}

[ForFeature("InternalSocial.Probe.Workflows")]
public sealed class ProbeWorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IActivity, ProbeEvent>();
        services.AddScoped<IActivity, ProbeRecord>();
        services.AddScoped<IActivity, ProbeFail>();
        services.AddScoped<IActivity, ProbeRemindActivity>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/probe/workflows/trigger", async (string key, string value, IWorkflowEngine engine, CancellationToken cancellationToken) =>
        {
            await engine.TriggerAsync("probe.event", key, new Dictionary<string, JsonNode?> { ["probe.value"] = value, ["probe.key"] = key }, cancellationToken);
            return TypedResults.NoContent();
        });
}
