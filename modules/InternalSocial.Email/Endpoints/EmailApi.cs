using System.Security.Claims;
using InternalSocial.Email.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Email.Endpoints;

internal sealed record TestEmailRequest(string? To);

/// <summary><c>/api/v1/email</c>: SMTP settings (the password is write-only), the outbox, a test mail.</summary>
internal static class EmailApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var email = endpoints.MapApiGroup("email", "E-mail").RequireAuthorization();
        email.MapGet("/settings", async (ClaimsPrincipal user, EmailSettingsService settings, CancellationToken cancellationToken) =>
            TypedResults.Ok(await settings.GetViewAsync(user, cancellationToken)));
        email.MapPut("/settings", async (EmailSettingsInput? input, ClaimsPrincipal user, EmailSettingsService settings, CancellationToken cancellationToken) =>
            TypedResults.Ok(await settings.SaveAsync(user, input ?? throw InvalidInputException.BodyRequired("{host, port, security, userName, password, fromAddress, fromName}"), cancellationToken)));
        email.MapGet("/outbox", async (string? status, int? take, ClaimsPrincipal user, OutboxQueries outbox, CancellationToken cancellationToken) =>
            TypedResults.Ok(await outbox.ListAsync(user, status, take ?? 50, cancellationToken)));
        email.MapPost("/test", async (TestEmailRequest? request, ClaimsPrincipal user, OutboxQueries outbox, SiteSettingsService site, CancellationToken cancellationToken) =>
        {
            await outbox.SendTestAsync(user, request?.To, (await site.GetAsync(cancellationToken)).SiteName, cancellationToken);
            return TypedResults.Accepted((string?)null);
        });
    }
}
