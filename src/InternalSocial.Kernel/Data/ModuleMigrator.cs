using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.VersionTableInfo;
using InternalSocial.Kernel.Shells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Kernel.Data;

/// <summary>
/// Brings a module's tables up to date with the FluentMigrator migrations in its assembly. Each module keeps its
/// applied versions in its own table, so modules version their schemas independently. Each migration runs in its
/// own transaction: a failing one is rolled back and leaves the schema at the last version that succeeded.
/// </summary>
public sealed class ModuleMigrator(ILoggerFactory loggerFactory)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, bool> _hasMigrations = new();

    public void MigrateUp(TenantDatabase database, string moduleId, Assembly migrationsAssembly)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(migrationsAssembly);
        if (!_hasMigrations.GetOrAdd(migrationsAssembly, a => a.GetTypes().Any(t => t.IsDefined(typeof(FluentMigrator.MigrationAttribute), false))))
        {
            return;
        }

        using var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    runner.AddPostgres();
                }
                else
                {
                    runner.AddSQLite(binaryGuid: false);
                }

                if (database.Provider == DatabaseProvider.Sqlite)
                {
                    runner.Services.AddScoped<FluentMigrator.Runner.Generators.SQLite.ISQLiteTypeMap, SqliteColumnTypes>();
                }

                runner.WithGlobalConnectionString(database.ConnectionString)
                    .WithVersionTable(new ModuleVersionTable(moduleId));
                // Not ScanIn: FluentMigrator scans only exported types, and a module's migrations are internal.
                runner.Services.AddSingleton<IMigrationSourceItem>(new ModuleMigrations(migrationsAssembly));
            })
            .BuildServiceProvider(validateScopes: false);

        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        try
        {
            runner.MigrateUp();
        }
        catch (Exception exception)
        {
            throw new MigrationFailedException(moduleId, exception);
        }
    }

    private sealed class ModuleMigrations(Assembly assembly) : IMigrationSourceItem
    {
        public IEnumerable<Type> MigrationTypeCandidates => assembly.GetTypes().Where(t => typeof(FluentMigrator.IMigration).IsAssignableFrom(t) && !t.IsAbstract);
    }

    private sealed class ModuleVersionTable(string moduleId) : IVersionTableMetaData
    {
        public bool OwnsSchema => false;

        public string SchemaName => "";

        public string TableName => $"{moduleId.Replace('.', '_')}_SchemaVersions";

        public string ColumnName => "Version";

        public string DescriptionColumnName => "Description";

        public string UniqueIndexName => $"UX_{TableName}_Version";

        public string AppliedOnColumnName => "AppliedOn";

        public bool CreateWithPrimaryKey => false;
    }
}

public sealed class MigrationFailedException(string moduleId, Exception inner)
    : Exception($"The database migrations of module '{moduleId}' failed: {inner.GetBaseException().Message}", inner)
{
    public string ModuleId { get; } = moduleId;
}
