using System.Security.Claims;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Groups.Endpoints;

internal static class GroupModuleEndpoints
{
    /// <summary>
    /// For a per-group module's endpoint with a <c>{id}</c> route value (an id or a slug): answers 404 unless the group
    /// exists, the user may read it and the module is on in it. Put it on every group route of the module.
    /// </summary>
    public static TBuilder RequireGroupModule<TBuilder>(this TBuilder builder, string moduleKey, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.RouteValues[routeValue]?.ToString() ?? "";
            var groups = http.RequestServices.GetRequiredService<GroupsService>();
            try
            {
                await groups.EnsureModuleEnabledAsync(http.User ?? new ClaimsPrincipal(), key, moduleKey, http.RequestAborted);
            }
            catch (Exception exception) when (exception is NotFoundException or InternalSocial.Kernel.Security.PermissionDeniedException)
            {
                // Unreadable and switched off look alike: a page of a module that is off in this group does not exist.
                return TypedResults.NotFound();
            }

            return await next(context);
        });
}
