using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel.Modules;
using InternalSocial.Polls.Services;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>
/// Polls in posts: the composer's "Add a poll", the polls and quizzes in the post's card, and the post's readers as the poll's
/// (<c>POST /api/v1/polls</c> with <c>postId</c> attaches one to a post of the caller).
/// </summary>
[ForFeature("InternalSocial.Polls.Feed")]
internal sealed class PollsFeedStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IPostAddon, PollPostAddon>();
        services.AddScoped<PostPollAccess>();
        services.AddScoped<IPollContainerAccess>(provider => provider.GetRequiredService<PostPollAccess>());
        services.AddScoped<PostAddonPage>();
        services.AddScoped<PostQuizCards>();
    }
}
