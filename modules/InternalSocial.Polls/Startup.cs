using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Navigation;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Endpoints;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Hubs;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Recipes;
using InternalSocial.Polls.Services;
using InternalSocial.Polls.Surveys;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls;

internal sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<PollsDbContext>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddScoped<PollAccess>();
        services.AddScoped<PollValidator>();
        services.AddScoped<PollCreator>();
        services.AddScoped<VoteWriter>();
        services.AddSingleton<VoteBatcher>();
        services.AddScoped<PollResultsReader>();
        services.AddScoped<PollViews>();
        services.AddScoped<PollService>();
        services.AddScoped<IPersonalDataContributor, PollsPersonalData>();
        // Before the polls' handler: named survey answers are removed whole (docs/polls.md, "Surveys").
        services.AddScoped<IEventHandler<PersonErased>, SurveysErasureHandler>();
        services.AddScoped<IEventHandler<PersonErased>, PollsErasureHandler>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddSignalR();
        services.AddScoped<IEventHandler<PollVotesChanged>, PollCountsBroadcaster>();
        services.AddSingleton<PollWatchers>();
        services.AddSingleton<PollCountsSender>();
        services.AddScoped<PollRecipeWriter>();
        services.AddScoped<IRecipeStepHandler, PollsRecipeStep>();
        services.AddScoped<IRecipeExporter, PollsExporter>();
        services.AddQuizzes();
        services.AddSurveys();
        services.AddScoped<IBackgroundTask, PollDeadlineTask>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        PollsApi.Map(endpoints);
        QuizzesApi.Map(endpoints);
        SurveysApi.Map(endpoints);
        endpoints.MapHub<PollsHub>(PollsHub.Path).RequireAuthorization();
    }
}
