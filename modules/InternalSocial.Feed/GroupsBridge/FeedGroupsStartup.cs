using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.GroupsBridge;

/// <summary>
/// Posts in groups: the Groups module's rules decide who reads and posts; <c>GET /api/v1/groups/{id}/feed</c>, and the
/// group space's Posts tab (<c>/groups/{slug}/posts</c>, <see cref="GroupPostsController"/>).
/// </summary>
[ForFeature("InternalSocial.Feed.Groups")]
internal sealed class FeedGroupsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IPostContainerAccess, GroupsPostContainerAccess>();
        services.AddScoped<Groups.Abstractions.IGroupModuleProvider, GroupPostsTab>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapApiGroup("groups", "Feed").RequireAuthorization()
            .MapGet("/{id:long}/feed", async (long id, string? cursor, int? pageSize, ClaimsPrincipal user, FeedQuery query, CancellationToken cancellationToken) =>
                TypedResults.Ok(await query.GetGroupAsync(user, id, cursor, pageSize, cancellationToken)));
}
