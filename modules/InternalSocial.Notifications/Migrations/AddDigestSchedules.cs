using FluentMigrator;

namespace InternalSocial.Notifications.Migrations;

/// <summary>
/// Schema version 3: each person's digest schedule (daily, or weekly on a chosen day) and when their last digest went
/// out, which makes the digest task idempotent per person and local day or week. No row: daily, never sent yet.
/// </summary>
[Migration(3, "Digest schedule per person")]
internal sealed class AddDigestSchedules : Migration
{
    public override void Up()
    {
        Create.Table("Notifications_DigestSchedules")
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("Frequency").AsInt32().NotNullable()
            .WithColumn("Weekday").AsInt32().Nullable()
            .WithColumn("LastSentUtc").AsDateTimeOffset().Nullable();
    }

    public override void Down() => Delete.Table("Notifications_DigestSchedules");
}
