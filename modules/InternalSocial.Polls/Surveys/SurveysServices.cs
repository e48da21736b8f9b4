using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Surveys;

/// <summary>The surveys' services, in one call from the module's startup.</summary>
internal static class SurveysServices
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<SurveyService>();
        return services;
    }
}
