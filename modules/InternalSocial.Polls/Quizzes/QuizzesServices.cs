using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Quizzes;

/// <summary>The quizzes' services, registered by the Polls module's startup in one call.</summary>
internal static class QuizzesServices
{
    public static IServiceCollection AddQuizzes(this IServiceCollection services)
    {
        services.AddScoped<QuizAccess>();
        services.AddScoped<QuizValidator>();
        services.AddScoped<QuizCreator>();
        services.AddScoped<AttemptWriter>();
        services.AddScoped<QuizReader>();
        services.AddScoped<QuizResultsReader>();
        services.AddScoped<QuizService>();
        services.AddScoped<QuizzesRecipe>();
        services.AddScoped<IPersonalDataContributor, QuizzesPersonalData>();
        services.AddScoped<IEventHandler<PersonErased>, QuizzesErasureHandler>();
        return services;
    }
}
