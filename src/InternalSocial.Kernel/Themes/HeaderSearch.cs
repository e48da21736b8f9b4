using System.Security.Claims;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Themes;

/// <summary>
/// Where the search field of the site's header sends its query: <c>GET {Url}?{Parameter}=…</c>. Modules offer
/// targets; the layouts show the one with the highest <see cref="Priority"/> among those the user may use. The Users
/// module's directory offers the default (<c>~/people?q=</c>); a search module replaces it by offering a higher priority.
/// </summary>
/// <param name="Url">A site path starting with <c>~/</c>.</param>
/// <param name="Label">The field's accessible name (English; translated by the offering module's resources).</param>
/// <param name="Placeholder">The field's placeholder (English; translated by the same resources).</param>
/// <param name="ResourcesAssembly">The assembly whose <c>ModuleResources</c> translate the texts.</param>
public sealed record SearchTarget(string Url, string Parameter, string Label, string Placeholder, int Priority, Permission? Permission, string ResourcesAssembly);

public static class SearchTargetServiceCollectionExtensions
{
    /// <summary>
    /// Offers a target for the header's search field while the feature is on. <typeparamref name="TResources"/> is the
    /// module's <c>ModuleResources</c> marker, whose French translates <paramref name="label"/> and <paramref name="placeholder"/>.
    /// </summary>
    public static IServiceCollection AddSearchTarget<TResources>(this IServiceCollection services, string url, string label, string placeholder,
        int priority = 0, Permission? permission = null, string parameter = "q") =>
        services.AddSingleton(new SearchTarget(url, parameter, label, placeholder, priority, permission, typeof(TResources).Assembly.GetName().Name!));
}

/// <summary>Chooses the header's search target for a user, in the request's language.</summary>
public static class HeaderSearch
{
    public static async Task<SearchTarget?> ResolveAsync(IServiceProvider services, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(services);
        var authorization = services.GetRequiredService<IAuthorizationService>();
        foreach (var target in services.GetServices<SearchTarget>().OrderByDescending(t => t.Priority))
        {
            if (target.Permission is null || await authorization.HasPermissionAsync(user, target.Permission))
            {
                var texts = services.GetRequiredService<IStringLocalizerFactory>().Create("ModuleResources", target.ResourcesAssembly);
                return target with { Label = texts[target.Label], Placeholder = texts[target.Placeholder] };
            }
        }

        return null;
    }
}
