using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Notifications.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Notifications.Endpoints;

public sealed record PreferencesInput(IReadOnlyList<PreferenceChange>? Preferences);

public sealed record UnreadCount(int Unread);

public sealed record MarkedCount(int Marked);

/// <summary><c>/api/v1/notifications</c>: the signed-in person's notifications and choices; the organisation's defaults.</summary>
public static class NotificationsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var notifications = endpoints.MapApiGroup("notifications", "Notifications").RequireAuthorization();
        notifications.MapGet("", async (string? cursor, ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ListAsync(user, cursor, cancellationToken)));
        notifications.MapGet("/unread-count", async (ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(new UnreadCount(await service.UnreadCountAsync(user, cancellationToken))));
        notifications.MapPost("/{id:long}/read", async (long id, ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
        {
            await service.MarkReadAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });
        notifications.MapPost("/read-all", async (ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(new MarkedCount(await service.MarkAllReadAsync(user, cancellationToken))));
        notifications.MapGet("/preferences", async (ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetPreferencesAsync(user, cancellationToken)));
        notifications.MapPut("/preferences", async (PreferencesInput? input, ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
        {
            await service.SavePreferencesAsync(user, input?.Preferences ?? throw new InvalidInputException("preferences", "A JSON body {preferences: [{kind, channel}]} is required."), cancellationToken);
            return TypedResults.Ok(await service.GetPreferencesAsync(user, cancellationToken));
        });
        notifications.MapGet("/defaults", async (ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetDefaultsAsync(user, cancellationToken)));
        notifications.MapPut("/defaults", async (DefaultsInput? input, ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
        {
            await service.SaveDefaultsAsync(user, input ?? throw new InvalidInputException("body", "A JSON body {digestHour, kinds: [{kind, channel}]} is required."), cancellationToken);
            return TypedResults.Ok(await service.GetDefaultsAsync(user, cancellationToken));
        });
    }
}
