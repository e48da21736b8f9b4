using System.Security.Claims;
using InternalSocial.Admin.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Admin.Endpoints;

internal sealed record FeatureResponse(
    string Id, string Name, string Description, string Category, string Module,
    IReadOnlyList<string> Dependencies, IReadOnlyList<string> EnabledDependents, bool IsEnabled, bool IsAlwaysEnabled);

internal sealed record FeatureChangeResponse(IReadOnlyList<string> Changed);

internal sealed record SettingsRequest(string? SiteName, string? TimeZoneId, string? DefaultCulture, string? SiteTheme, string? AdminTheme, string? AccentColor, string? BaseUrl = null);

/// <summary><c>/api/v1/features</c> and <c>/api/v1/settings</c>.</summary>
internal static class AdminApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var features = endpoints.MapApiGroup("features", "Features").RequirePermission(Permissions.ManageFeatures);
        features.MapGet("", async (ClaimsPrincipal user, FeaturesAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Ok((await service.ListAsync(user, cancellationToken)).Select(ToResponse)))
            .WithSummary("Every feature available to this organisation, and whether it is on.");
        features.MapPost("/{id}/enable", async (string id, ClaimsPrincipal user, FeaturesAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(new FeatureChangeResponse([.. (await service.EnableAsync(user, id, cancellationToken)).Select(f => f.Id)])))
            .WithSummary("Enable a feature and the features it needs. The tenant is rebuilt without a restart.");
        features.MapPost("/{id}/disable", async (string id, ClaimsPrincipal user, FeaturesAdminService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(new FeatureChangeResponse([.. (await service.DisableAsync(user, id, cancellationToken)).Select(f => f.Id)])))
            .WithSummary("Disable a feature; refused with 409 naming the enabled features that need it. Data is kept.");

        var settings = endpoints.MapApiGroup("settings", "Settings").RequirePermission(Permissions.ManageSettings);
        settings.MapGet("", async (ClaimsPrincipal user, SettingsAdminService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetAsync(user, cancellationToken)));
        settings.MapPut("", async (SettingsRequest? request, ClaimsPrincipal user, SettingsAdminService service, CancellationToken cancellationToken) =>
        {
            if (request is null)
            {
                throw InvalidInputException.BodyRequired("{siteName, timeZoneId, defaultCulture}");
            }

            var current = await service.GetAsync(user, cancellationToken);
            var updated = current with
            {
                SiteName = request.SiteName ?? current.SiteName,
                TimeZoneId = request.TimeZoneId ?? current.TimeZoneId,
                DefaultCulture = request.DefaultCulture ?? current.DefaultCulture,
                SiteTheme = request.SiteTheme ?? current.SiteTheme,
                AdminTheme = request.AdminTheme ?? current.AdminTheme,
                AccentColor = request.AccentColor ?? current.AccentColor,
                // "" clears it; absent keeps it.
                BaseUrl = request.BaseUrl is null ? current.BaseUrl : request.BaseUrl.Length == 0 ? null : request.BaseUrl,
            };
            await service.SaveAsync(user, updated, cancellationToken);
            return TypedResults.Ok(updated);
        });

        // multipart/form-data with a "logo" file; answers the stored logo's version and size.
        settings.MapPut("/logo", async (IFormFile? logo, ClaimsPrincipal user, LogoAdminService service, CancellationToken cancellationToken) =>
        {
            await using var stream = logo?.OpenReadStream();
            return TypedResults.Ok(await service.SaveAsync(user, stream, logo?.Length ?? 0, cancellationToken));
        }).WithSummary("Upload the organisation's logo (PNG, JPEG, WebP or GIF, at most 5 MB); re-encoded to WebP, at most 512 px. 400 naming 'logo' otherwise.");
        settings.MapDelete("/logo", async (ClaimsPrincipal user, LogoAdminService service, CancellationToken cancellationToken) =>
        {
            await service.RemoveAsync(user, cancellationToken);
            return TypedResults.NoContent();
        }).WithSummary("Remove the organisation's logo.");
    }

    private static FeatureResponse ToResponse(FeatureState state) => new(
        state.Feature.Id, state.Feature.Name, state.Feature.Description, state.Feature.Category, state.Feature.Module.Id,
        state.Feature.Dependencies, state.EnabledDependents, state.IsEnabled, state.Feature.IsAlwaysEnabled);
}
