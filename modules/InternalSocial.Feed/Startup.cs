using System.Security.Claims;
using System.Threading.RateLimiting;
using InternalSocial.Feed.Endpoints;
using InternalSocial.Feed.Hubs;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InternalSocial.Feed;

public sealed class Startup(IConfiguration configuration) : ModuleStartup
{
    /// <summary>Rate-limit policy for writing posts and comments: a fixed window per user.</summary>
    public const string PostingRateLimitPolicy = "feed-posting";

    public const string PostsPerMinuteKey = "InternalSocial:Feed:PostsPerMinute";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<FeedDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.TryAddScoped<IPostContainerAccess, NoGroupsAccess>();
        services.AddScoped<FeedReaderResolver>();
        services.AddScoped<PostVisibility>();
        services.AddScoped<PostCards>();
        services.AddScoped<PostWriter>();
        services.AddScoped<PostService>();
        services.AddScoped<FeedQuery>();
        services.AddScoped<CommentService>();
        services.AddScoped<ReactionService>();
        services.AddScoped<AnnouncementService>();
        services.AddScoped<FollowService>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<FeedSettingsService>();
        services.AddScoped<IPostModeration, PostModeration>();
        services.AddScoped<Users.Services.IPersonalDataContributor, FeedPersonalData>();
        services.AddScoped<IRecipeStepHandler, Recipes.TagsRecipeStep>();
        services.AddScoped<IRecipeStepHandler, Recipes.ReactionsRecipeStep>();
        services.AddScoped<IRecipeStepHandler, Recipes.SamplePostsRecipeStep>();
        services.AddScoped<IRecipeExporter, Recipes.FeedExporter>();
        services.AddScoped<Kernel.Events.IEventHandler<Users.Events.PersonErased>, FeedErasureHandler>();
        services.AddSignalR();
        services.AddSingleton<IFeedChangeNotifier, HubFeedChangeNotifier>();
        services.AddWidget<Components.FeedWidgetViewComponent>(ZoneNames.Home, position: 0, Permissions.View);

        var postsPerMinute = configuration.GetValue(PostsPerMinuteKey, 30);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PostingRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = postsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        FeedApi.Map(endpoints);
        endpoints.MapHub<FeedHub>(FeedHub.Path).RequireAuthorization();
    }
}
