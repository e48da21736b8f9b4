using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Users.Endpoints;

internal sealed record CreateTokenRequest(string? UserName, string? Password, string? Name, int? ExpiresInDays, string? Code = null);

internal sealed record CreateTokenResponse(string Id, string Name, string Token, DateTime CreatedUtc, DateTime? ExpiresUtc);

internal sealed record MeResponse(string Id, string UserName, string? Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary><c>/api/v1/auth</c>: personal access tokens and the current user.</summary>
internal static class AuthApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapApiGroup("auth", "Authentication");

        auth.MapPost("/tokens", async Task<Results<Created<CreateTokenResponse>, ProblemHttpResult>> (CreateTokenRequest? request, AccessTokenService tokens, CancellationToken cancellationToken) =>
            {
                if (request is null)
                {
                    throw InvalidInputException.BodyRequired("{userName, password, name}");
                }

                try
                {
                    var token = await tokens.CreateAsync(request.UserName, request.Password, request.Name, request.ExpiresInDays, request.Code, cancellationToken);
                    return TypedResults.Created($"/api/v1/auth/tokens/{token.Id}", new CreateTokenResponse(token.Id, token.Name, token.Token, token.CreatedUtc, token.ExpiresUtc));
                }
                catch (InvalidCredentialsException invalid)
                {
                    return TypedResults.Problem(invalid.Message, statusCode: invalid.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized);
                }
            })
            .AllowAnonymous()
            .RequireRateLimiting(Startup.AuthRateLimitPolicy)
            .WithSummary("Create a personal access token from a user name and password (and, with two-factor sign-in on, the authenticator code or a recovery code as code). The token is shown only in this response.");

        auth.MapGet("/tokens", async (ClaimsPrincipal user, AccessTokenService tokens, CancellationToken cancellationToken) =>
                TypedResults.Ok(await tokens.ListAsync(UserId(user), cancellationToken)))
            .RequireAuthorization()
            .WithSummary("The current user's active tokens (without their secrets).");

        auth.MapDelete("/tokens/{id}", async (string id, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken cancellationToken) =>
            {
                await tokens.RevokeAsync(UserId(user), id, cancellationToken);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithSummary("Revoke one of the current user's tokens.");

        auth.MapGet("/me", async (ClaimsPrincipal user, IPeopleLookup people, CancellationToken cancellationToken) =>
            {
                var id = UserId(user);
                var userName = user.Identity!.Name!;
                // The profile's name, from the person-summary cache; the user name when the profile has none.
                var displayName = (await people.GetByIdsAsync([id], cancellationToken)).GetValueOrDefault(id)?.DisplayName;
                return TypedResults.Ok(new MeResponse(
                    id,
                    userName,
                    user.FindFirstValue(ClaimTypes.Email),
                    string.IsNullOrWhiteSpace(displayName) ? userName : displayName,
                    user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList()));
            })
            .RequireAuthorization()
            .WithSummary("The signed-in user.");
    }

    private static string UserId(ClaimsPrincipal user) => user.FindUserId()!;
}
