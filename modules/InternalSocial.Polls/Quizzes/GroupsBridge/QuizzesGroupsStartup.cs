using InternalSocial.Kernel.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Quizzes.GroupsBridge;

/// <summary>With Groups on, <c>/quizzes/new</c> offers the groups where one may create polls.</summary>
[ForFeature("InternalSocial.Polls.Groups")]
internal sealed class QuizzesGroupsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<IQuizGroups, QuizGroups>();
}
