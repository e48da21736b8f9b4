using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Polls.Surveys.Recipes;
using InternalSocial.Users.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Surveys;

/// <summary>The surveys' services, in one call from the module's startup.</summary>
internal static class SurveysServices
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<SurveyAudiences>();
        services.AddScoped<SurveyAccess>();
        services.AddScoped<SurveyValidator>();
        services.AddScoped<SurveyWriter>();
        services.AddScoped<SurveyAnswerChecker>();
        services.AddScoped<SurveyResponseWriter>();
        services.AddScoped<SurveyResultsReader>();
        services.AddScoped<SurveyCsvWriter>();
        services.AddScoped<SurveyViews>();
        services.AddScoped<SurveyService>();
        services.AddScoped<IPersonalDataContributor, SurveysPersonalData>();
        services.AddScoped<IBackgroundTask, SurveyRoundsTask>();
        services.AddScoped<SurveysRecipe>();
        services.AddScoped<SurveysExporter>();
        services.AddScoped<IRecipeExporter>(provider => provider.GetRequiredService<SurveysExporter>());
        return services;
    }
}
