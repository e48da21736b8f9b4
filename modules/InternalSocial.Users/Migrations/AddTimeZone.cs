using FluentMigrator;

namespace InternalSocial.Users.Migrations;

/// <summary>Schema version 4: each person's own time zone (an IANA id; null follows the organisation's).</summary>
[Migration(4, "A time zone per person")]
internal sealed class AddTimeZone : Migration
{
    public override void Up() =>
        Alter.Table("Users_Users").AddColumn("TimeZoneId").AsString(64).Nullable();

    public override void Down() =>
        Delete.Column("TimeZoneId").FromTable("Users_Users");
}
