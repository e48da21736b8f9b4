using FluentMigrator;

namespace InternalSocial.Users.Migrations;

/// <summary>
/// Schema version 5: directory terms compare by bytes on PostgreSQL. Name prefixes are range scans ("MAR" &lt;= value &lt;
/// "MAS"), and only byte order keeps every value of such a range starting with the prefix: a linguistic collation skips
/// spaces and punctuation at its first level, so "MA RZ" would fall inside. Version 2 meant to do this but named the
/// database by an alias the runner never matched, so it ran nowhere; SQLite compares by bytes already.
/// </summary>
[Migration(5, "Directory terms compare by bytes on PostgreSQL")]
internal sealed class CollatePersonTermsByBytes : Migration
{
    public override void Up() =>
        IfDatabase(IsPostgres).Execute.Sql("ALTER TABLE \"Users_PersonTerms\" ALTER COLUMN \"Value\" TYPE varchar(100) COLLATE \"C\"");

    public override void Down() =>
        IfDatabase(IsPostgres).Execute.Sql("ALTER TABLE \"Users_PersonTerms\" ALTER COLUMN \"Value\" TYPE varchar(100) COLLATE \"default\"");

    private static bool IsPostgres(string databaseType) => databaseType.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase);
}
