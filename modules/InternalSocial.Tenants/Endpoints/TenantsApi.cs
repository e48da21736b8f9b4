using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using InternalSocial.Tenants.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Tenants.Endpoints;

/// <param name="SetupToken">While the tenant waits for setup: what its setup page asks for (<c>/setup?token=…</c>).</param>
internal sealed record TenantResponse(string Name, TenantState State, string RequestUrlPrefix, IReadOnlyList<string> RequestUrlHosts, DatabaseProvider DatabaseProvider, DateTimeOffset CreatedUtc, string? SetupToken)
{
    /// <summary>The connection string is a secret: it is never returned.</summary>
    public static TenantResponse From(ShellSettings s) => new(
        s.Name, s.State, s.RequestUrlPrefix, s.RequestUrlHosts, s.DatabaseProvider, s.CreatedUtc,
        s.State == TenantState.Uninitialized && s.SetupToken.Length > 0 ? s.SetupToken : null);
}

internal sealed record TenantSetupRequest(string? SiteName, string? Recipe, string? AdminUserName, string? AdminEmail, string? AdminPassword, Dictionary<string, string>? Variables, string? BaseUrl = null);

/// <summary><c>/api/v1/tenants</c>, in the Default tenant only.</summary>
internal static class TenantsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapApiGroup("tenants", "Tenants").RequirePermission(Permissions.ManageTenants);
        tenants.MapGet("", async (ClaimsPrincipal user, TenantsService service) =>
            TypedResults.Ok((await service.ListAsync(user)).Select(TenantResponse.From)));
        tenants.MapGet("/{name}", async (string name, ClaimsPrincipal user, TenantsService service) =>
            TypedResults.Ok(TenantResponse.From(await service.GetAsync(user, name))));
        tenants.MapPost("", async (NewTenant? input, ClaimsPrincipal user, TenantsService service, CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{name, requestUrlPrefix, requestUrlHosts, databaseProvider, connectionString}"), cancellationToken);
                return TypedResults.Created($"/api/v1/tenants/{created.Name}", TenantResponse.From(created));
            })
            .WithSummary("Create an uninitialized tenant answering at a URL prefix and/or host names.");
        tenants.MapPost("/{name}/setup", async (string name, TenantSetupRequest? request, ClaimsPrincipal user, TenantsService service, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (request is null)
                {
                    throw InvalidInputException.BodyRequired("{siteName, recipe, adminUserName, adminEmail, adminPassword}");
                }

                await service.SetupAsync(user, new SetupRequest
                {
                    TenantName = name,
                    SiteName = request.SiteName ?? "",
                    RecipeName = request.Recipe ?? "",
                    AdminUserName = request.AdminUserName ?? "",
                    AdminEmail = request.AdminEmail ?? "",
                    AdminPassword = request.AdminPassword ?? "",
                    Variables = request.Variables ?? [],
                    // Without an address, the one the Default tenant's administrator is using, with the new tenant's prefix.
                    BaseUrl = request.BaseUrl ?? TenantUrls.SuggestAtSetup(context.Request, await service.GetAsync(user, name)),
                }, cancellationToken);
                return TypedResults.Ok(TenantResponse.From(await service.GetAsync(user, name)));
            })
            .WithSummary("Set up an uninitialized tenant with a setup recipe and its first administrator; baseUrl is its public address for links in e-mails (default: this request's origin and the tenant's prefix, unless it has host names).");
        tenants.MapPost("/{name}/disable", async (string name, ClaimsPrincipal user, TenantsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(TenantResponse.From(await service.SetEnabledAsync(user, name, enabled: false, cancellationToken))));
        tenants.MapPost("/{name}/enable", async (string name, ClaimsPrincipal user, TenantsService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(TenantResponse.From(await service.SetEnabledAsync(user, name, enabled: true, cancellationToken))));
    }
}
