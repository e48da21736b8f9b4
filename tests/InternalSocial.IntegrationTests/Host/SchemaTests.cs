using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// Every module's EF Core model matches the tables its migrations create, on each provider: migrations and
/// queries are written separately (docs/decisions/0002), so this is what keeps them in step.
/// </summary>
public abstract class SchemaTests(TestTenant tenant)
{
    [SkippableFact]
    public async Task Every_entity_of_every_module_can_be_read_from_its_migrated_tables()
    {
        tenant.SkipIfUnavailable();
        var catalog = tenant.Host.Services.GetRequiredService<FeatureCatalog>();
        var optional = catalog.Features.Where(f => !f.IsAlwaysEnabled && !f.DefaultTenantOnly && f.Module.Id != "InternalSocial.Setup").Select(f => f.Id).ToList();
        await tenant.Host.Services.GetRequiredService<InternalSocial.Kernel.Shells.FeatureManager>().EnableAsync(tenant.Name, optional, CancellationToken.None);

        var contextTypes = catalog.Modules.SelectMany(m => m.Assembly.GetTypes()).Append(typeof(KernelDbContext))
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract).Distinct().ToList();
        Assert.True(contextTypes.Count >= 4, string.Join(", ", contextTypes));

        var shell = await tenant.Host.ShellHost.GetOrCreateShellAsync(tenant.Name, CancellationToken.None);
        var checkedColumns = 0;
        await shell.InScopeAsync(async services =>
        {
            foreach (var contextType in contextTypes)
            {
                var db = (DbContext)services.GetRequiredService(contextType);
                foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
                {
                    var columns = entity.GetProperties().Select(p => $"\"{p.GetColumnName()}\"").ToList();
                    checkedColumns += columns.Count;
                    // Reads no row, but fails if the table or any mapped column is missing.
                    var sql = $"SELECT {string.Join(", ", columns)} FROM \"{entity.GetTableName()}\" WHERE 1 = 0";
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    await db.Database.OpenConnectionAsync();
                    command.CommandText = sql;
                    await using var reader = await command.ExecuteReaderAsync();
                    Assert.Equal(columns.Count, reader.FieldCount);
                }
            }
        });

        Assert.True(checkedColumns > 40, $"Only {checkedColumns} columns checked.");
    }
}

[Collection(WebCollection.Name)]
public sealed class SchemaOnSqlite(SqliteTenant tenant) : SchemaTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SchemaOnPostgres(PostgresTenant tenant) : SchemaTests(tenant), IClassFixture<PostgresTenant>;
