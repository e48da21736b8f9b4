using System.Data.Common;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Shells;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InternalSocial.Kernel.Data;

/// <summary>
/// A tenant's database: its provider and resolved connection string. Every module's DbContext and migrations in
/// a tenant use this one database, so one tenant can never read another's tables.
/// </summary>
public sealed class TenantDatabase
{
    public TenantDatabase(ShellSettings settings, AppDataFolder appData)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(appData);
        Provider = settings.DatabaseProvider;
        if (Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            SqliteFile = Path.Combine(appData.TenantFolder(settings.Name), "internalsocial.db");
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = true }.ToString();
        }
        else
        {
            ConnectionString = settings.ConnectionString;
            if (Provider == DatabaseProvider.Sqlite)
            {
                SqliteFile = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            }
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The database file when the provider is SQLite.</summary>
    public string? SqliteFile { get; }

    public void Configure(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString).AddInterceptors(SqliteConnectionSetupInterceptor.Instance);
        }
    }

    /// <summary>Configures a context on an open connection it does not own.</summary>
    public void Configure(DbContextOptionsBuilder options, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connection);
        }
        else
        {
            options.UseSqlite(connection);
        }
    }

    public DbConnection CreateConnection() => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(ConnectionString)
        : SqliteConnectionSetup.Attach(new SqliteConnection(ConnectionString));

    /// <summary>Creates the database when it does not exist yet. Returns true when it was created.</summary>
    public async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var existed = File.Exists(SqliteFile);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SqliteFile!))!);
            await using var connection = CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // WAL lets readers go on while a writer commits: the feed is read far more than written.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return !existed;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var database = builder.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        builder.Database = "postgres";
        await using var maintenance = new NpgsqlConnection(builder.ConnectionString);
        await maintenance.OpenAsync(cancellationToken);
        await using var exists = maintenance.CreateCommand();
        exists.CommandText = "SELECT 1 FROM pg_database WHERE datname = @name";
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return false;
        }

        await using var create = maintenance.CreateCommand();
        create.CommandText = $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        await create.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes the database: used to undo a failed setup that created it.</summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(SqliteFile + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        await using var maintenance = new NpgsqlConnection(builder.ConnectionString);
        await maintenance.OpenAsync(cancellationToken);
        await using var drop = maintenance.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }
}
