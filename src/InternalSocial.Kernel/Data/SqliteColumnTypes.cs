using System.Data;
using FluentMigrator.Runner.Generators.Base;
using FluentMigrator.Runner.Generators.SQLite;

namespace InternalSocial.Kernel.Data;

/// <summary>
/// Column types for SQLite. FluentMigrator's own map has no DateTimeOffset, which modules use for UTC timestamps
/// (timestamptz on PostgreSQL). SQLite stores what EF Core writes in any column, so the names only set affinity.
/// </summary>
internal sealed class SqliteColumnTypes : TypeMapBase, ISQLiteTypeMap
{
    public SqliteColumnTypes() => SetupTypeMaps();

    protected override void SetupTypeMaps()
    {
        foreach (var type in new[] { DbType.Boolean, DbType.Byte, DbType.SByte, DbType.Int16, DbType.Int32, DbType.Int64, DbType.UInt16, DbType.UInt32, DbType.UInt64 })
        {
            SetTypeMap(type, "INTEGER");
        }

        foreach (var type in new[] { DbType.Currency, DbType.Decimal, DbType.VarNumeric })
        {
            SetTypeMap(type, "NUMERIC");
        }

        SetTypeMap(DbType.Single, "REAL");
        SetTypeMap(DbType.Double, "REAL");
        foreach (var type in new[] { DbType.AnsiString, DbType.AnsiStringFixedLength, DbType.String, DbType.StringFixedLength, DbType.Xml, DbType.Guid })
        {
            SetTypeMap(type, "TEXT");
            SetTypeMap(type, "TEXT", int.MaxValue);
        }

        // EF Core's SQLite provider writes dates, times and offsets as ISO-8601 text, which sorts in time order.
        foreach (var type in new[] { DbType.Date, DbType.DateTime, DbType.DateTime2, DbType.DateTimeOffset, DbType.Time })
        {
            SetTypeMap(type, "TEXT");
        }

        SetTypeMap(DbType.Binary, "BLOB");
        SetTypeMap(DbType.Binary, "BLOB", int.MaxValue);
    }
}
