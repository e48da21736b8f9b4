using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Kernel.Tests;

/// <summary>Every way a tenant opens its SQLite database runs with <c>synchronous=NORMAL</c> (1), pooled reopenings included.</summary>
public sealed class SqliteConnectionSetupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "internalsocial-kernel-" + Guid.NewGuid().ToString("N"));
    private readonly TenantDatabase _database;

    public SqliteConnectionSetupTests()
    {
        _database = new TenantDatabase(new ShellSettings { Name = "Default" }, new AppDataFolder(_root));
        Directory.CreateDirectory(Path.GetDirectoryName(_database.SqliteFile)!);
    }

    [Fact]
    public async Task Raw_connections_run_with_synchronous_normal_each_time_they_open()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var connection = _database.CreateConnection();
            await connection.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            Assert.Equal(1L, await command.ExecuteScalarAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Contexts_on_the_connection_string_run_with_synchronous_normal()
    {
        var options = new DbContextOptionsBuilder<DbContext>();
        _database.Configure(options);
        for (var i = 0; i < 3; i++)
        {
            await using var context = new DbContext(options.Options);
            var values = await context.Database.SqlQueryRaw<long>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").ToListAsync(CancellationToken.None);
            Assert.Equal([1L], values);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
