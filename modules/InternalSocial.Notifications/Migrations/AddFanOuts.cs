using FluentMigrator;

namespace InternalSocial.Notifications.Migrations;

[Migration(2, "Background fan-out of notifications to large audiences")]
internal sealed class AddFanOuts : Migration
{
    public override void Up()
    {
        Create.Table("Notifications_FanOuts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Kind").AsString(100).NotNullable()
            .WithColumn("Url").AsString(1000).NotNullable()
            .WithColumn("ActorId").AsString(64).Nullable()
            .WithColumn("ResourceType").AsString(50).Nullable()
            .WithColumn("ResourceId").AsString(100).Nullable()
            .WithColumn("DeduplicationKey").AsString(200).Nullable()
            .WithColumn("TextsJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("RecipientsJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("RecipientCount").AsInt32().NotNullable()
            .WithColumn("NextIndex").AsInt32().NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("CompletedUtc").AsDateTimeOffset().Nullable();
        // The task reads the unfinished ones, oldest first.
        Create.Index("IX_Notifications_FanOuts_Completed").OnTable("Notifications_FanOuts").OnColumn("CompletedUtc").Ascending().OnColumn("Id").Ascending();
    }

    public override void Down() => Delete.Table("Notifications_FanOuts");
}
