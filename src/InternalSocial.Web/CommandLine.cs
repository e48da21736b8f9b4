using System.CommandLine;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Setup;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.Web;

/// <summary>
/// The host's commands besides running the site: <c>setup</c>, <c>features</c>, <c>tenants</c>, <c>recipes</c>.
/// Each builds the same host as the site, without starting the web server. Exit codes: 0 success, 1 refused or
/// failed, 2 bad input.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["setup", "features", "tenants", "recipes"];

    public static bool IsCommand(string arg) => Commands.Contains(arg, StringComparer.Ordinal);

    /// <summary>Takes <c>--app-data &lt;dir&gt;</c> out of the arguments, wherever it is.</summary>
    public static (string? AppData, string[] Remaining) ExtractAppData(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? appData = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--app-data" && i + 1 < args.Length)
            {
                appData = args[++i];
            }
            else if (args[i].StartsWith("--app-data=", StringComparison.Ordinal))
            {
                appData = args[i]["--app-data=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (appData, rest.ToArray());
    }

    public static async Task<int> RunAsync(string[] args, string? appData)
    {
        var root = new RootCommand("InternalSocial: run `dotnet run --project src/InternalSocial.Web` without a command to serve the site.");
        root.Subcommands.Add(SetupCommand(appData));
        root.Subcommands.Add(FeaturesCommand(appData));
        root.Subcommands.Add(TenantsCommand(appData));
        root.Subcommands.Add(RecipesCommand(appData));
        return await root.Parse(args).InvokeAsync();
    }

    private static Option<string> TenantOption() => new("--tenant") { Description = "The tenant's name.", DefaultValueFactory = _ => ShellSettings.DefaultName };

    private static Option<string[]> VariablesOption() => new("--var") { Description = "A recipe variable, as key=value; repeatable.", AllowMultipleArgumentsPerToken = false };

    private static Command SetupCommand(string? appData)
    {
        var recipe = new Option<string>("--recipe") { Description = "The setup recipe's name, from the recipes folder.", Required = true };
        var siteName = new Option<string>("--site-name") { Description = "The organisation's name.", Required = true };
        var adminUser = new Option<string>("--admin-user") { Description = "The first administrator's user name.", Required = true };
        var adminEmail = new Option<string>("--admin-email") { Description = "The first administrator's e-mail.", Required = true };
        var adminPassword = new Option<string>("--admin-password") { Description = "The first administrator's password.", Required = true };
        var database = new Option<string>("--database") { Description = "sqlite (default) or postgres." };
        database.AcceptOnlyFromAmong("sqlite", "postgres");
        var connectionString = new Option<string>("--connection-string") { Description = "The PostgreSQL connection string." };
        var baseUrl = new Option<string>("--base-url") { Description = "The organisation's public address, the start of every link in its e-mails (https://social.contoso.com)." };
        var tenant = TenantOption();
        var variables = VariablesOption();
        var command = new Command("setup", "Set up an uninitialized tenant with a setup recipe and its first administrator.")
        {
            recipe, siteName, adminUser, adminEmail, adminPassword, database, connectionString, baseUrl, tenant, variables,
        };
        command.SetAction((result, cancellationToken) => WithHostAsync(appData, async services =>
        {
            var provider = result.GetValue(database) switch
            {
                "postgres" => DatabaseProvider.Postgres,
                "sqlite" => DatabaseProvider.Sqlite,
                _ => (DatabaseProvider?)null,
            };
            await services.GetRequiredService<SetupService>().SetupAsync(new SetupRequest
            {
                TenantName = result.GetValue(tenant)!,
                RecipeName = result.GetValue(recipe)!,
                SiteName = result.GetValue(siteName)!,
                AdminUserName = result.GetValue(adminUser)!,
                AdminEmail = result.GetValue(adminEmail)!,
                AdminPassword = result.GetValue(adminPassword)!,
                DatabaseProvider = provider,
                ConnectionString = result.GetValue(connectionString),
                BaseUrl = result.GetValue(baseUrl),
                Variables = ParseVariables(result.GetValue(variables)),
            }, cancellationToken);
            Console.WriteLine($"Tenant '{result.GetValue(tenant)}' is set up.");
        }));
        return command;
    }

    private static Command FeaturesCommand(string? appData)
    {
        var command = new Command("features", "List, enable or disable a tenant's features.");
        var listTenant = TenantOption();
        var list = new Command("list", "List the features and whether each is on.") { listTenant };
        list.SetAction((result, cancellationToken) => WithHostAsync(appData, async services =>
        {
            foreach (var state in await services.GetRequiredService<FeatureManager>().GetFeaturesAsync(result.GetValue(listTenant)!, cancellationToken))
            {
                Console.WriteLine($"{(state.IsEnabled ? "on " : "off")}  {state.Feature.Id,-40} {state.Feature.Name}");
            }
        }));
        command.Subcommands.Add(list);

        foreach (var enable in new[] { true, false })
        {
            var ids = new Argument<string[]>("ids") { Description = "Feature ids.", Arity = ArgumentArity.OneOrMore };
            var tenant = TenantOption();
            var change = new Command(enable ? "enable" : "disable", enable ? "Enable features and what they need." : "Disable features.") { ids, tenant };
            change.SetAction((result, cancellationToken) => WithHostAsync(appData, async services =>
            {
                var manager = services.GetRequiredService<FeatureManager>();
                var tenantName = result.GetValue(tenant)!;
                var changed = enable
                    ? await manager.EnableAsync(tenantName, result.GetValue(ids)!, cancellationToken)
                    : await manager.DisableAsync(tenantName, result.GetValue(ids)!, cancellationToken);
                Console.WriteLine(changed.Count == 0 ? "Nothing changed." : $"{(enable ? "Enabled" : "Disabled")}: {string.Join(", ", changed)}");
            }));
            command.Subcommands.Add(change);
        }

        return command;
    }

    private static Command TenantsCommand(string? appData)
    {
        var command = new Command("tenants", "List, create, disable or enable tenants.");
        var list = new Command("list", "List the tenants.");
        list.SetAction((result, cancellationToken) => WithHostAsync(appData, services =>
        {
            foreach (var tenant in services.GetRequiredService<ShellHost>().AllSettings)
            {
                var address = string.Join(",", tenant.RequestUrlHosts) + (tenant.RequestUrlPrefix.Length > 0 ? "/" + tenant.RequestUrlPrefix : "");
                Console.WriteLine($"{tenant.Name,-20} {tenant.State,-14} {tenant.DatabaseProvider,-9} {address}");
            }

            return Task.CompletedTask;
        }));
        command.Subcommands.Add(list);

        var name = new Argument<string>("name") { Description = "The new tenant's name." };
        var prefix = new Option<string>("--prefix") { Description = "The URL prefix it answers on." };
        var hosts = new Option<string[]>("--host") { Description = "A host name it answers on; repeatable." };
        var database = new Option<string>("--database") { Description = "sqlite (default) or postgres." };
        database.AcceptOnlyFromAmong("sqlite", "postgres");
        var connectionString = new Option<string>("--connection-string") { Description = "The PostgreSQL connection string." };
        var create = new Command("create", "Create an uninitialized tenant; set it up with `setup --tenant <name>`.") { name, prefix, hosts, database, connectionString };
        create.SetAction((result, cancellationToken) => WithHostAsync(appData, async services =>
        {
            var created = await services.GetRequiredService<TenantManager>().CreateAsync(
                new NewTenant(
                    result.GetValue(name),
                    result.GetValue(prefix),
                    result.GetValue(hosts),
                    result.GetValue(database) == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
                    result.GetValue(connectionString)),
                cancellationToken);
            Console.WriteLine($"Tenant '{created.Name}' created (uninitialized). Set it up with `setup --tenant {created.Name} …`, or in a browser at /{created.RequestUrlPrefix}/setup?token={created.SetupToken}");
        }));
        command.Subcommands.Add(create);

        foreach (var enable in new[] { false, true })
        {
            var tenantName = new Argument<string>("name") { Description = "The tenant's name." };
            var change = new Command(
                enable ? "enable" : "disable",
                enable ? "Enable a disabled tenant again." : "Disable a running tenant: its address answers 404 until it is enabled again.") { tenantName };
            change.SetAction((result, cancellationToken) => WithHostAsync(appData, async services =>
            {
                var updated = await services.GetRequiredService<TenantManager>().SetEnabledAsync(result.GetValue(tenantName)!, enable, cancellationToken);
                Console.WriteLine($"Tenant '{updated.Name}' is {updated.State.ToString().ToLowerInvariant()}.");
            }));
            command.Subcommands.Add(change);
        }

        return command;
    }

    private static Command RecipesCommand(string? appData)
    {
        var command = new Command("recipes", "List or run recipes.");
        var list = new Command("list", "List the recipes in the recipes folder.");
        list.SetAction((result, cancellationToken) => WithHostAsync(appData, async services =>
        {
            foreach (var recipe in await services.GetRequiredService<RecipeHarvester>().GetAllAsync(cancellationToken))
            {
                Console.WriteLine($"{recipe.Name,-20} {(recipe.IsSetupRecipe ? "setup" : "     ")}  {recipe.Description}");
            }
        }));
        command.Subcommands.Add(list);

        var nameOrPath = new Argument<string>("recipe") { Description = "A recipe name from the recipes folder, or the path of a .recipe.json file." };
        var tenant = TenantOption();
        var variables = VariablesOption();
        var run = new Command("run", "Run a recipe in a running tenant.") { nameOrPath, tenant, variables };
        run.SetAction((result, cancellationToken) => WithHostAsync(appData, async services =>
        {
            var value = result.GetValue(nameOrPath)!;
            var recipe = File.Exists(value)
                ? await RecipeHarvester.LoadFileAsync(value, cancellationToken)
                : await services.GetRequiredService<RecipeHarvester>().FindAsync(value, cancellationToken)
                    ?? throw new InvalidInputException("recipe", $"No recipe named '{value}' and no such file.");
            // Whoever runs the host's command line controls its files and databases: the recipe runs with every right.
            await services.GetRequiredService<RecipeExecutor>().RunAsync(result.GetValue(tenant)!, recipe, ParseVariables(result.GetValue(variables)), RecipeRunner.HostOperator("command line (" + Environment.UserName + ")"), cancellationToken);
            Console.WriteLine($"Recipe '{recipe.Name}' applied.");
        }));
        command.Subcommands.Add(run);
        return command;
    }

    private static Dictionary<string, string> ParseVariables(string[]? pairs)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidInputException("var", $"'{pair}' is not key=value.");
            }

            variables[pair[..equals]] = pair[(equals + 1)..];
        }

        return variables;
    }

    private static async Task<int> WithHostAsync(string? appData, Func<IServiceProvider, Task> work)
    {
        await using var app = WebHost.CreateBuilder([], appData, quiet: true).Build();
        try
        {
            await app.Services.GetRequiredService<ShellHost>().InitializeAsync(CancellationToken.None);
            await work(app.Services);
            return 0;
        }
        catch (InvalidInputException invalid)
        {
            foreach (var (field, problem) in invalid.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {field}: {problem}");
            }

            return 2;
        }
        catch (RecipeException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
            }

            return 2;
        }
        catch (Exception exception) when (exception is ConflictException or NotFoundException or Kernel.Modules.UnknownFeatureException or Kernel.Data.MigrationFailedException or RecipeStepFailedException)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return 1;
        }
    }
}
