using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Notifications.Models;
using InternalSocial.Notifications.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>Two kinds of notification for tests: an ordinary one and a mandatory one.</summary>
public sealed class ProbeNotificationKinds : INotificationKindProvider
{
    public const string Ping = "probe.ping";
    public const string Mandatory = "probe.mandatory";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Ping, "Probe pings", NotificationChannel.InApp),
        new(Mandatory, "Probe announcements", NotificationChannel.InApp, IsMandatory: true),
    ];
}

/// <summary>Resources of type "probe" whose id starts with "hidden" are invisible to everyone.</summary>
public sealed class ProbeNotificationVisibility : INotificationVisibility
{
    public string ResourceType => "probe";

    public Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(resourceIds.Where(id => !id.StartsWith("hidden", StringComparison.Ordinal)).ToHashSet());
}

public sealed record ProbeNotifyRequest(string Kind, string[] Recipients, string Title, string? ResourceId, string? DeduplicationKey);

[ForFeature("InternalSocial.Probe")]
[RequireFeatures("InternalSocial.Notifications")]
public sealed class ProbeNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<INotificationKindProvider, ProbeNotificationKinds>();
        services.AddSingleton<INotificationVisibility, ProbeNotificationVisibility>();
    }

    /// <summary>Sends a notification whose title says which language it was written in ("Hello [fr]").</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/probe/notify", async (ProbeNotifyRequest request, INotifier notifier, CancellationToken cancellationToken) =>
            TypedResults.Ok(await notifier.NotifyAsync(new NotificationRequest
            {
                Kind = request.Kind,
                RecipientIds = request.Recipients,
                Url = "/probe/thing",
                ResourceType = request.ResourceId is null ? null : "probe",
                ResourceId = request.ResourceId,
                DeduplicationKey = request.DeduplicationKey,
                Text = culture => new NotificationText($"{request.Title} [{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}]", $"Body of {request.Title}"),
            }, cancellationToken)));
}
