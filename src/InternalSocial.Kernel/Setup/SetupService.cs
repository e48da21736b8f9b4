using System.Net.Mail;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Kernel.Setup;

public sealed record SetupRequest
{
    public string TenantName { get; init; } = ShellSettings.DefaultName;

    public string SiteName { get; init; } = "";

    public string RecipeName { get; init; } = "";

    public string AdminUserName { get; init; } = "";

    public string AdminEmail { get; init; } = "";

    public string AdminPassword { get; init; } = "";

    /// <summary>Null keeps what the tenant's settings say (SQLite unless set otherwise).</summary>
    public DatabaseProvider? DatabaseProvider { get; init; }

    public string? ConnectionString { get; init; }

    /// <summary>The organisation's public address for links in e-mails (<see cref="SiteSettings.BaseUrl"/>); null for none.</summary>
    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}

/// <summary>What modules receive to initialise their part of a new tenant (the Users module creates the administrator).</summary>
public sealed record SetupContext(string TenantName, string SiteName, string AdminUserName, string AdminEmail, string AdminPassword);

public interface ISetupEventHandler
{
    /// <summary>Checks the request before anything is created; adds field → problem.</summary>
    Task ValidateAsync(SetupContext context, IDictionary<string, string> errors, CancellationToken cancellationToken);

    Task SetupAsync(SetupContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Turns an uninitialized tenant into a running one: validates everything first, then creates the database, runs
/// the migrations of the recipe's features, lets modules initialise (administrator account, roles), marks the
/// tenant running and applies the setup recipe. On failure the tenant is uninitialized again and a database the
/// setup created is removed.
/// </summary>
public sealed class SetupService(
    ShellHost shellHost,
    ShellContainerFactory containerFactory,
    RecipeHarvester harvester,
    RecipeExecutor recipeExecutor,
    AppDataFolder appData,
    IStringLocalizer<KernelResources> T,
    ILogger<SetupService> logger)
{
    public async Task SetupAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string>();
        var current = shellHost.Find(request.TenantName) ?? throw new NotFoundException(T["Unknown tenant '{0}'.", request.TenantName]);
        var recipe = await CheckRequestAsync(request, current, errors, cancellationToken);
        if (current.State != TenantState.Uninitialized)
        {
            throw new ConflictException(T["Tenant '{0}' is already {1}.", current.Name, T.StateText(current.State)]);
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var settings = current with { DatabaseProvider = request.DatabaseProvider ?? current.DatabaseProvider, ConnectionString = request.ConnectionString ?? current.ConnectionString ?? "", State = TenantState.Running, SetupToken = "" };
        var context = new SetupContext(settings.Name, request.SiteName.Trim(), request.AdminUserName.Trim(), request.AdminEmail.Trim(), request.AdminPassword);
        var features = SetupFeatures(settings, recipe!);
        await ValidateWithHandlersAsync(settings, features, context, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var databaseCreated = await InstallAsync(current, settings, features, context, request.BaseUrl, cancellationToken);
        try
        {
            // Setup is the host operator's act (the form of an uninitialized tenant, the command line, the Tenants
            // API): the setup recipe runs with every right, recorded under the first administrator's name.
            await recipeExecutor.RunAsync(settings.Name, recipe!, request.Variables, RecipeRunner.HostOperator(context.AdminUserName), cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The setup recipe of tenant {Tenant} failed; it is uninitialized again.", settings.Name);
            await shellHost.ChangeTenantAsync(settings.Name, async () =>
            {
                await UndoAsync(current, new TenantDatabase(settings, appData), databaseCreated);
                return true;
            }, CancellationToken.None);
            throw;
        }

        logger.LogInformation("Tenant {Tenant} set up with recipe {Recipe}.", settings.Name, recipe!.Name);
    }

    /// <summary>Checks the request's fields into <paramref name="errors"/>; returns the setup recipe it names, if found.</summary>
    private async Task<Recipe?> CheckRequestAsync(SetupRequest request, ShellSettings current, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        Require(errors, "siteName", request.SiteName, T["The organisation name is required."]);
        Require(errors, "adminUserName", request.AdminUserName, T["The administrator's user name is required."]);
        Require(errors, "adminPassword", request.AdminPassword, T["The administrator's password is required."]);
        if (!MailAddress.TryCreate(request.AdminEmail, out _))
        {
            errors["adminEmail"] = T["A valid e-mail address is required for the administrator."];
        }

        var recipe = string.IsNullOrWhiteSpace(request.RecipeName) ? null : await harvester.FindAsync(request.RecipeName, cancellationToken);
        if (recipe is null)
        {
            errors["recipe"] = string.IsNullOrWhiteSpace(request.RecipeName)
                ? T["A setup recipe is required."]
                : T["No recipe named '{0}' in {1}.", request.RecipeName, harvester.Folder];
        }
        else if (!recipe.IsSetupRecipe)
        {
            errors["recipe"] = T["The recipe '{0}' is not a setup recipe.", recipe.Name];
        }

        if (!string.IsNullOrWhiteSpace(request.BaseUrl) && TenantUrls.Normalize(request.BaseUrl) is null)
        {
            errors["baseUrl"] = T["'{0}' is not a public address; use an absolute http or https URL without a query or fragment, such as https://social.contoso.com.", request.BaseUrl];
        }

        var provider = request.DatabaseProvider ?? current.DatabaseProvider;
        var connectionString = request.ConnectionString ?? current.ConnectionString;
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            errors["connectionString"] = T["A connection string is required for PostgreSQL."];
        }

        return recipe;
    }

    /// <summary>The features the recipe's feature steps enable, with what they need.</summary>
    private IReadOnlyList<FeatureInfo> SetupFeatures(ShellSettings settings, Recipe recipe)
    {
        var featureIds = recipe.Steps
            .Where(s => s["name"]?.GetValue<string>() == RecipeExecutor.FeaturesStepName)
            .SelectMany(s => RecipeExecutor.FeatureIds(new RecipeStep(recipe, 0, RecipeExecutor.FeaturesStepName, s), "enable"));
        try
        {
            return shellHost.ResolveFeatures(settings, featureIds);
        }
        catch (UnknownFeatureException unknown)
        {
            throw new InvalidInputException("recipe", T["The recipe '{0}' enables the unknown feature '{1}'.", recipe.Name, unknown.FeatureId]);
        }
    }

    /// <summary>Lets each setup handler of the future shell check the request (a strong enough password…).</summary>
    private async Task ValidateWithHandlersAsync(ShellSettings settings, IReadOnlyList<FeatureInfo> features, SetupContext context, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        await using (var preview = containerFactory.Create(settings, features))
        {
            await preview.InScopeAsync(async services =>
            {
                foreach (var handler in services.GetServices<ISetupEventHandler>())
                {
                    await handler.ValidateAsync(context, errors, cancellationToken);
                }
            });
        }
    }

    /// <summary>Creates the database, its schema and the shell's first state; the tenant is uninitialized again if anything fails. True when the database was created.</summary>
    private Task<bool> InstallAsync(ShellSettings current, ShellSettings settings, IReadOnlyList<FeatureInfo> features, SetupContext context, string? baseUrl, CancellationToken cancellationToken) =>
        shellHost.ChangeTenantAsync(settings.Name, async () =>
        {
            if (shellHost.Get(settings.Name).State != TenantState.Uninitialized)
            {
                throw new ConflictException(T["Tenant '{0}' is already being set up.", settings.Name]);
            }

            await shellHost.SaveSettingsAsync(settings with { State = TenantState.Initializing }, cancellationToken);
            var database = new TenantDatabase(settings, appData);
            var created = false;
            try
            {
                created = await database.EnsureCreatedAsync(cancellationToken);
                shellHost.Migrate(database, features);
                var ids = features.Select(f => f.Id).ToList();
                await shellHost.SaveDescriptorAsync(database, new ShellDescriptor { EnabledFeatures = ids, InstalledFeatures = ids }, cancellationToken);
                await InitializeShellAsync(settings, features, context, baseUrl, cancellationToken);
                await shellHost.SaveSettingsAsync(settings, cancellationToken);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Setup of tenant {Tenant} failed; it is uninitialized again.", settings.Name);
                await UndoAsync(current, database, created);
                throw;
            }

            return created;
        }, cancellationToken);

    /// <summary>The site's name and address, then each feature's installed and enabled events and each setup handler, in the new shell.</summary>
    private async Task InitializeShellAsync(ShellSettings settings, IReadOnlyList<FeatureInfo> features, SetupContext context, string? baseUrl, CancellationToken cancellationToken)
    {
        await using (var shell = containerFactory.Create(settings, features))
        {
            await shell.InScopeAsync(async services =>
            {
                var siteSettings = services.GetRequiredService<SiteSettingsService>();
                await siteSettings.SaveAsync(await siteSettings.GetAsync(cancellationToken) with { SiteName = context.SiteName, BaseUrl = TenantUrls.Normalize(baseUrl) }, cancellationToken);
                foreach (var handler in services.GetServices<IFeatureEventHandler>())
                {
                    foreach (var feature in features)
                    {
                        await handler.InstalledAsync(feature, cancellationToken);
                        await handler.EnabledAsync(feature, cancellationToken);
                    }
                }

                foreach (var handler in services.GetServices<ISetupEventHandler>())
                {
                    await handler.SetupAsync(context, cancellationToken);
                }
            });
        }
    }

    private async Task UndoAsync(ShellSettings original, TenantDatabase database, bool databaseCreated)
    {
        await shellHost.SaveSettingsAsync(original with { State = TenantState.Uninitialized }, CancellationToken.None);
        if (databaseCreated)
        {
            await database.DropAsync(CancellationToken.None);
        }
    }

    private static void Require(Dictionary<string, string> errors, string field, string? value, string problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = problem;
        }
    }
}
