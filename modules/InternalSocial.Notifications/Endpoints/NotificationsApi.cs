using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Notifications.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Notifications.Endpoints;

/// <summary>The body of <c>PUT /preferences</c>: channels per kind, the digest schedule, or both.</summary>
internal sealed record PreferencesInput(IReadOnlyList<PreferenceChange>? Preferences, DigestScheduleInput? Digest = null);

internal sealed record UnreadCount(int Unread);

internal sealed record MarkedCount(int Marked);

/// <summary><c>/api/v1/notifications</c>: the signed-in person's notifications and choices; the organisation's defaults.</summary>
internal static class NotificationsApi
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
            if (input is null || (input.Preferences is null && input.Digest is null))
            {
                throw InvalidInputException.BodyRequired("{preferences: [{kind, channel}], digest: {frequency, weekday}}", "preferences");
            }

            // The digest part is checked before anything is saved, so a bad schedule leaves the channels as they were.
            if (input.Digest is { } digest)
            {
                service.ParseDigestSchedule(digest, "digest.");
            }

            if (input.Preferences is { } preferences)
            {
                await service.SavePreferencesAsync(user, preferences, cancellationToken);
            }

            if (input.Digest is { } schedule)
            {
                await service.SaveDigestScheduleAsync(user, schedule, "digest.", cancellationToken);
            }

            return TypedResults.Ok(await service.GetPreferencesAsync(user, cancellationToken));
        });
        // GET /preferences stays the list of kinds it always was; the schedule is read (and may be written) here.
        notifications.MapGet("/preferences/digest", async (ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetDigestScheduleAsync(user, cancellationToken)));
        notifications.MapPut("/preferences/digest", async (DigestScheduleInput? input, ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
        {
            await service.SaveDigestScheduleAsync(user, input ?? throw InvalidInputException.BodyRequired("{frequency, weekday}"), "", cancellationToken);
            return TypedResults.Ok(await service.GetDigestScheduleAsync(user, cancellationToken));
        });
        notifications.MapGet("/defaults", async (ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetDefaultsAsync(user, cancellationToken)));
        notifications.MapPut("/defaults", async (DefaultsInput? input, ClaimsPrincipal user, NotificationsService service, CancellationToken cancellationToken) =>
        {
            await service.SaveDefaultsAsync(user, input ?? throw InvalidInputException.BodyRequired("{digestHour, kinds: [{kind, channel}]}"), cancellationToken);
            return TypedResults.Ok(await service.GetDefaultsAsync(user, cancellationToken));
        });
    }
}
