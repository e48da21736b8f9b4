using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Modules;

/// <summary>
/// The services, middleware and endpoints a feature adds to a tenant. A startup applies to its module's main
/// feature unless <see cref="ForFeatureAttribute"/> binds it to another feature of the module, and only when
/// every feature named by <see cref="RequireFeaturesAttribute"/> is enabled too.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Lower runs first; ties keep the features' dependency order.</summary>
    public virtual int Order => 0;

    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Middleware, added to the tenant pipeline after authentication and authorization.</summary>
    public virtual void ConfigureMiddleware(IApplicationBuilder app)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

/// <summary>Binds a startup to a feature of its module other than the main one.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ForFeatureAttribute(string featureId) : Attribute
{
    public string FeatureId { get; } = featureId;
}

/// <summary>Applies a startup only when these features are enabled too (e.g. a workflow activity of the mail module).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequireFeaturesAttribute(params string[] featureIds) : Attribute
{
    public IReadOnlyList<string> FeatureIds { get; } = featureIds;
}
