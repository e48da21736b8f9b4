using InternalSocial.Feed.Events;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Abstractions.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.WorkflowsBridge;

[ForFeature("InternalSocial.Feed.Workflows")]
internal sealed class FeedWorkflowsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IActivity, PostSubmittedEvent>();
        services.AddScoped<IActivity, PublishPostActivity>();
        services.AddScoped<IActivity, RejectPostActivity>();
        services.AddScoped<IActivity, RequestChangesActivity>();
        services.AddScoped<IActivity, HideContentActivity>();
        services.AddScoped<IReportableContent, ReportablePost>();
        services.AddScoped<IReportableContent, ReportableComment>();
        services.AddScoped<ReviewedSubmissions>();
        services.AddScoped<IPostSubmissionReview, WorkflowPostReview>();
        services.AddScoped<IEventHandler<PostSubmitted>, PostSubmittedTrigger>();
        services.AddScoped<IEventHandler<HeldPostEdited>, HeldPostEditedHandler>();
    }
}
