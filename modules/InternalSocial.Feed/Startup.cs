using InternalSocial.Feed.Abstractions;
using InternalSocial.Feed.BackgroundTasks;
using InternalSocial.Feed.Caching;
using InternalSocial.Feed.Endpoints;
using InternalSocial.Feed.Hubs;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InternalSocial.Feed;

internal sealed class Startup(IConfiguration configuration) : ModuleStartup
{
    /// <summary>Rate-limit policy for writing posts, comments, relays and uploads: a fixed window per user (<see cref="FeedPostingRateLimitPolicy"/>).</summary>
    public const string PostingRateLimitPolicy = "feed-posting";

    /// <summary>The host's default limit; a tenant overrides it in its feed settings.</summary>
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
        services.AddSingleton<PostCardCache>();
        services.AddSingleton<ReaderCardCache>();
        services.AddSingleton<HomeFeedStreams>();
        services.AddSingleton<PendingViews>();
        services.AddScoped<IBackgroundTask, ViewFlushTask>();
        services.AddScoped<HomeFeedFirstPage>();
        services.AddScoped<PostValidator>();
        services.AddScoped<PostRenderer>();
        services.AddScoped<PostWriter>();
        services.AddScoped<PostViews>();
        services.AddScoped<PostService>();
        services.AddScoped<PostCreator>();
        services.AddScoped<PostAddons>();
        services.AddScoped<PostEditor>();
        services.AddScoped<FeedQuery>();
        services.AddScoped<IPostExcerpts, PostExcerpts>();
        services.AddScoped<CommentService>();
        services.AddScoped<ReactionService>();
        services.AddScoped<AnnouncementService>();
        services.AddScoped<IAnnouncementAcknowledgements, AnnouncementAcknowledgements>();
        services.AddScoped<FollowService>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<FeedSettingsService>();
        services.AddScoped<TagCurationService>();
        services.AddScoped<IPostModeration, PostModeration>();
        services.AddScoped<Users.Abstractions.IPersonalDataContributor, FeedPersonalData>();
        services.AddScoped<IRecipeStepHandler, Recipes.TagsRecipeStep>();
        services.AddScoped<IRecipeStepHandler, Recipes.ReactionsRecipeStep>();
        services.AddScoped<IRecipeStepHandler, Recipes.SamplePostsRecipeStep>();
        services.AddScoped<IRecipeExporter, Recipes.FeedExporter>();
        services.AddScoped<Kernel.Events.IEventHandler<Users.Abstractions.Events.PersonErased>, FeedErasureHandler>();
        services.AddSignalR();
        services.AddSingleton<IFeedChangeNotifier, HubFeedChangeNotifier>();
        services.AddWidget<Components.FeedWidgetViewComponent>(ZoneNames.Home, position: 0, Permissions.View);

        services.AddSingleton(new FeedDefaults(configuration.GetValue(PostsPerMinuteKey, 30)));
        services.AddSingleton<FeedSettingsCache>();
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy<string, FeedPostingRateLimitPolicy>(PostingRateLimitPolicy));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        FeedApi.Map(endpoints);
        endpoints.MapHub<FeedHub>(FeedHub.Path).RequireAuthorization();
    }
}
