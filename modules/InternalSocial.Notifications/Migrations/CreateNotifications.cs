using FluentMigrator;

namespace InternalSocial.Notifications.Migrations;

[Migration(1, "Notifications and preferences")]
internal sealed class CreateNotifications : Migration
{
    public override void Up()
    {
        Create.Table("Notifications_Items")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(64).NotNullable()
            .WithColumn("Kind").AsString(100).NotNullable()
            .WithColumn("Title").AsString(300).NotNullable()
            .WithColumn("Body").AsString(1000).NotNullable()
            .WithColumn("Url").AsString(1000).NotNullable()
            .WithColumn("ActorId").AsString(64).Nullable()
            .WithColumn("ResourceType").AsString(50).Nullable()
            .WithColumn("ResourceId").AsString(100).Nullable()
            .WithColumn("DeduplicationKey").AsString(200).Nullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ReadUtc").AsDateTimeOffset().Nullable()
            .WithColumn("EmailState").AsInt32().NotNullable();
        // The list (newest first by id) and the unread count both start from the person.
        Create.Index("IX_Notifications_Items_User_Id").OnTable("Notifications_Items").OnColumn("UserId").Ascending().OnColumn("Id").Descending();
        Create.Index("IX_Notifications_Items_User_Read").OnTable("Notifications_Items").OnColumn("UserId").Ascending().OnColumn("ReadUtc").Ascending();
        Create.Index("UX_Notifications_Items_User_Dedup").OnTable("Notifications_Items").OnColumn("UserId").Ascending().OnColumn("DeduplicationKey").Ascending().WithOptions().Unique();
        Create.Index("IX_Notifications_Items_EmailState").OnTable("Notifications_Items").OnColumn("EmailState").Ascending().OnColumn("UserId").Ascending();

        Create.Table("Notifications_Preferences")
            .WithColumn("UserId").AsString(64).PrimaryKey()
            .WithColumn("Kind").AsString(100).PrimaryKey()
            .WithColumn("Channel").AsInt32().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("Notifications_Preferences");
        Delete.Table("Notifications_Items");
    }
}
