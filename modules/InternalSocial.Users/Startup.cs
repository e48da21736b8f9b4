using System.Threading.RateLimiting;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;
using InternalSocial.Kernel.Themes;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Accounts;
using InternalSocial.Users.Authentication;
using InternalSocial.Users.Endpoints;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternalSocial.Users;

internal sealed class Startup(ShellSettings shell, IOptions<InternalSocialOptions> options) : ModuleStartup
{
    /// <summary>Rate-limit policy for sign-in and token creation.</summary>
    public const string AuthRateLimitPolicy = "auth";
    private const string CookieOrTokenScheme = "CookieOrToken";

    public override int Order => -100;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<UsersDbContext>();
        // The header's search field finds people until a search module offers a wider search (a higher priority).
        services.AddSearchTarget<ModuleResources>("~/people", "Search people", "Name, team, skill…", priority: 0, Permissions.ViewDirectory);
        services.AddMemoryCache();
        AddIdentity(services);
        AddAuthentication(services);
        AddRateLimits(services);
        AddUsersServices(services);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        AuthApi.Map(endpoints);
        RolesApi.Map(endpoints);
        UsersApi.Map(endpoints);
        UsersApi.MapProfileFields(endpoints);
        AccountsApi.Map(endpoints);
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentityCore<User>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.User.RequireUniqueEmail = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                identity.Lockout.AllowedForNewUsers = true;
                // "Confirmed" means in good standing (AccountStanding): not deactivated, not an expired guest.
                identity.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<Role>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<AccountStanding>();
        services.AddSingleton<AccessTokenPrincipalCache>();
        services.AddSingleton<PersonSummaryCache>();
        services.AddScoped<ISecurityStampValidator, StandingSecurityStampValidator>();
        services.Configure<SecurityStampValidatorOptions>(stamps =>
        {
            stamps.ValidationInterval = TimeSpan.FromMinutes(1);
            stamps.OnRefreshingPrincipal = SessionService.KeepSessionOnRefresh;
        });
        // Password reset, first-password and confirmation links work once (the stamp changes) and for a limited time.
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = TimeSpan.FromHours(24));
        services.AddScoped<IUserConfirmation<User>>(sp => sp.GetRequiredService<AccountStanding>());
    }

    /// <summary>The tenant's cookie or a personal access token; both cookies are the tenant's alone.</summary>
    private void AddAuthentication(IServiceCollection services)
    {
        var pathBase = shell.RequestUrlPrefix.Length > 0 ? "/" + shell.RequestUrlPrefix : "/";
        services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = CookieOrTokenScheme;
                authentication.DefaultChallengeScheme = CookieOrTokenScheme;
            })
            .AddPolicyScheme(CookieOrTokenScheme, "Cookie or personal access token", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AccessTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(cookie =>
            {
                // One cookie per tenant, scoped to its prefix: signing in to one organisation signs in to no other.
                cookie.Cookie.Name = ".InternalSocial." + shell.Name;
                cookie.Cookie.Path = pathBase;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/account/signin";
                cookie.LogoutPath = "/account/signout";
                cookie.AccessDeniedPath = "/account/denied";
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
                cookie.Events.OnSigningIn = SessionService.OnSigningInAsync;
                cookie.Events.OnValidatePrincipal = SessionService.OnValidatePrincipalAsync;
                cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            }));
        // The short-lived cookie between the password and the two-factor code: per tenant too.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = ".InternalSocial.TwoFactor." + shell.Name;
            cookie.Cookie.Path = pathBase;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        });
    }

    private void AddRateLimits(IServiceCollection services)
    {
        var permitPerMinute = options.Value.AuthRequestsPerMinute;
        services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.AddPolicy(AuthRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy<string, UploadRateLimitPolicy>(UploadRateLimitPolicy.Name);
        });
    }

    private static void AddUsersServices(IServiceCollection services)
    {
        services.AddScoped<RolePermissions>();
        services.AddScoped<IPermissionGrantProvider, RolePermissionGrantProvider>();
        services.AddScoped<IFeatureEventHandler, DefaultGrantsInstaller>();
        services.AddScoped<ISetupEventHandler, UsersSetupHandler>();
        services.AddScoped<AccessTokenService>();
        services.AddScoped<RolesAdminService>();
        services.AddScoped<UsersAdminService>();
        services.AddScoped<IPeopleLookup, PeopleLookup>();
        services.AddScoped<IPeopleCounts, PeopleCounts>();
        services.AddScoped<IPeopleContacts, PeopleContacts>();
        services.AddScoped<AccountPrivilege>();
        services.AddScoped<ProfileAccess>();
        services.AddScoped<ProfileService>();
        services.AddScoped<ProfileUpdateValidator>();
        services.AddScoped<ProfileEditor>();
        services.AddScoped<ProfilePhotos>();
        services.AddScoped<DirectoryService>();
        services.AddScoped<PeopleImportParser>();
        services.AddScoped<PeopleImportWriter>();
        services.AddScoped<PeopleImportService>();
        services.AddScoped<PersonalDataService>();
        services.AddScoped<ProfileFieldsService>();
        services.AddScoped<AccountMails>();
        services.AddScoped<AccountService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<SessionService>();
        services.AddScoped<IPersonSignOut, PersonSignOut>();
        services.AddScoped<IPersonalDataContributor, SessionsPersonalData>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeStepHandler, Recipes.RegistrationRecipeStep>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeExporter, Recipes.RegistrationExporter>();
        services.AddSingleton<InternalSocial.Kernel.Navigation.INavigationProvider, AdminMenu>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeStepHandler, Recipes.RolesRecipeStep>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeExporter, Recipes.RolesExporter>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeStepHandler, Recipes.PeopleRecipeStep>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeStepHandler, Recipes.ProfileFieldsRecipeStep>();
        services.AddScoped<InternalSocial.Kernel.Recipes.IRecipeExporter, Recipes.ProfileFieldsExporter>();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
