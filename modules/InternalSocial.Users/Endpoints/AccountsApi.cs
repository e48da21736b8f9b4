using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Users.Endpoints;

internal sealed record RegistrationRequest(string? Policy, List<string>? AllowedDomains);

internal sealed record RegistrationResponse(string Policy, IReadOnlyList<string> AllowedDomains);

internal sealed record InvitationRequest(string? Email);

/// <summary>Registration policy and invitations (<c>/api/v1/users/…</c>), first-password mails and 2FA resets; the signed-in person's sessions (<c>/api/v1/auth/sessions</c>).</summary>
internal static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapApiGroup("users", "Users").RequireAuthorization();
        users.MapGet("/registration", async (ClaimsPrincipal user, RegistrationService registration, CancellationToken cancellationToken) =>
                TypedResults.Ok(Response(await registration.GetAsync(user, cancellationToken))))
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("The registration policy: AdminsOnly, InvitationOnly or SelfRegistrationByDomain, with the allowed e-mail domains.");
        users.MapPut("/registration", async (RegistrationRequest? request, ClaimsPrincipal user, RegistrationService registration, CancellationToken cancellationToken) =>
                TypedResults.Ok(Response(await registration.SaveAsync(user, request?.Policy, request?.AllowedDomains, cancellationToken))))
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("Change the registration policy. 400 names a bad policy or domain.");
        users.MapGet("/invitations", async (ClaimsPrincipal user, RegistrationService registration, CancellationToken cancellationToken) =>
                TypedResults.Ok(await registration.ListInvitationsAsync(user, cancellationToken)))
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("The latest 100 invitations (without their tokens).");
        users.MapPost("/invitations", async (InvitationRequest? request, ClaimsPrincipal user, RegistrationService registration, CancellationToken cancellationToken) =>
            {
                var invitation = await registration.InviteAsync(user, request?.Email, cancellationToken);
                return TypedResults.Created($"/api/v1/users/invitations/{invitation.Id}", invitation);
            })
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("Invite a person by e-mail (valid 7 days, single use). 409 when invitations are off or the address has an account.");
        users.MapPost("/{id}/password-mail", async (string id, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken) =>
            {
                await accounts.SendSetPasswordMailAsync(user, id, cancellationToken);
                return TypedResults.Accepted((string?)null);
            })
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("Mail the person a link to choose their password (imported and administrator-created accounts).");
        users.MapPost("/{id}/two-factor/reset", async (string id, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken) =>
            {
                await accounts.ResetTwoFactorAsync(user, id, cancellationToken);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permissions.ManageUsers)
            .WithSummary("Turn off the person's two-factor sign-in (a lost phone) and sign out their sessions.");

        var auth = endpoints.MapApiGroup("auth", "Authentication").RequireAuthorization();
        auth.MapGet("/sessions", async (ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sessions.ListAsync(user.FindUserId()!, SessionService.CurrentId(user), cancellationToken)))
            .WithSummary("The current user's open browser sessions.");
        auth.MapDelete("/sessions/{id}", async (string id, ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken) =>
            {
                await sessions.RevokeAsync(user.FindUserId()!, id, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Sign out one of the current user's browser sessions (at its next request).");
    }

    private static RegistrationResponse Response(InternalSocial.Users.Models.RegistrationSettings settings) => new(settings.Policy.ToString(), settings.AllowedDomains);
}
