using FluentMigrator;

namespace InternalSocial.Groups.Migrations;

/// <summary>
/// Which memberships a rule made: when the person moves out of what the rule matches (another department or site),
/// the rule takes them out again; memberships made by hand stay.
/// </summary>
[Migration(3, "Groups: memberships made by rules")]
internal sealed class AddMembershipByRule : Migration
{
    public override void Up() => Alter.Table("Groups_Members").AddColumn("ByRule").AsBoolean().NotNullable().WithDefaultValue(false);

    public override void Down() => Delete.Column("ByRule").FromTable("Groups_Members");
}
