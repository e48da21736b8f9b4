using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Users.Endpoints;

internal sealed record RoleResponse(string Name, string Description, IReadOnlyList<string> Permissions);

internal sealed record RoleRequest(string? Description, List<string>? Permissions);

internal sealed record PermissionResponse(string Name, string Description, string Category);

/// <summary><c>/api/v1/roles</c> and <c>/api/v1/permissions</c>.</summary>
internal static class RolesApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var roles = endpoints.MapApiGroup("roles", "Roles").RequirePermission(Permissions.ManageRoles);
        roles.MapGet("", async (ClaimsPrincipal user, RolesAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Ok((await service.ListAsync(user, cancellationToken)).Select(r => new RoleResponse(r.Name, r.Description, [.. r.Permissions.Order(StringComparer.Ordinal)]))))
            .WithSummary("Every role with its permissions. Administrator holds all permissions whatever it lists.");
        roles.MapPut("/{name}", async (string name, RoleRequest? request, ClaimsPrincipal user, RolesAdminService service, CancellationToken cancellationToken) =>
            {
                if (request is null)
                {
                    throw InvalidInputException.BodyRequired("{description, permissions}");
                }

                await service.SaveAsync(user, name, request.Description, request.Permissions, cancellationToken);
                var saved = (await service.ListAsync(user, cancellationToken)).Single(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
                return TypedResults.Ok(new RoleResponse(saved.Name, saved.Description, [.. saved.Permissions.Order(StringComparer.Ordinal)]));
            })
            .WithSummary("Create or update a role with exactly these permissions.");

        endpoints.MapApiGroup("permissions", "Roles").RequirePermission(Permissions.ManageRoles)
            .MapGet("", (RolesAdminService service) =>
                TypedResults.Ok(service.Permissions.OrderBy(p => p.Category).ThenBy(p => p.Name).Select(p => new PermissionResponse(p.Name, p.Description, p.Category))))
            .WithSummary("The permissions the organisation's enabled features define.");
    }
}
