using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Users.Endpoints;

public sealed record CreateUserRequest(string? UserName, string? Email, string? DisplayName, string? Password, List<string>? Roles);

public sealed record UserRolesRequest(List<string>? Roles);

/// <summary><c>/api/v1/users</c> for administrators: list and search, create, give roles.</summary>
public static class UsersApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapApiGroup("users", "Users").RequirePermission(Permissions.ManageUsers);
        users.MapGet("", async (string? q, string? cursor, ClaimsPrincipal user, UsersAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.ListAsync(user, q, cursor, cancellationToken)))
            .WithSummary("People by user name, 50 a page: give the previous page's nextCursor to get the next one.");
        users.MapPost("", async (CreateUserRequest? request, ClaimsPrincipal user, UsersAdminService service, CancellationToken cancellationToken) =>
            {
                if (request is null)
                {
                    throw new InvalidInputException("body", "A JSON body {userName, email, displayName, password, roles} is required.");
                }

                var created = await service.CreateAsync(user, request.UserName, request.Email, request.DisplayName, request.Password, request.Roles, cancellationToken);
                return TypedResults.Created($"/api/v1/users/{created.Id}", created);
            })
            .WithSummary("Create an account (an Employee unless roles are given). 409 when the user name or e-mail is taken.");
        users.MapPut("/{id}/roles", async (string id, UserRolesRequest? request, ClaimsPrincipal user, UsersAdminService service, CancellationToken cancellationToken) =>
            {
                await service.SetRolesAsync(user, id, request?.Roles, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Give a person exactly these roles (needs Users.ManageRoles; only Administrators grant Administrator).");
    }
}
