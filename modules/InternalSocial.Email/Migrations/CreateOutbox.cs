using FluentMigrator;

namespace InternalSocial.Email.Migrations;

[Migration(1, "E-mail outbox")]
internal sealed class CreateOutbox : Migration
{
    public override void Up()
    {
        Create.Table("Email_Outbox")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("DeduplicationKey").AsString(200).Nullable()
            .WithColumn("ToAddress").AsString(256).NotNullable()
            .WithColumn("ToName").AsString(200).NotNullable()
            .WithColumn("Subject").AsString(300).NotNullable()
            .WithColumn("TextBody").AsString(int.MaxValue).NotNullable()
            .WithColumn("HtmlBody").AsString(int.MaxValue).Nullable()
            .WithColumn("UnsubscribeUrl").AsString(1000).Nullable()
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("Attempts").AsInt32().NotNullable()
            .WithColumn("NextAttemptUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("LastError").AsString(1000).Nullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("SentUtc").AsDateTimeOffset().Nullable();
        Create.Index("UX_Email_Outbox_DeduplicationKey").OnTable("Email_Outbox").OnColumn("DeduplicationKey").Unique();
        // The dispatcher's query: due messages of one status, oldest first.
        Create.Index("IX_Email_Outbox_Status_NextAttempt").OnTable("Email_Outbox").OnColumn("Status").Ascending().OnColumn("NextAttemptUtc").Ascending();
    }

    public override void Down() => Delete.Table("Email_Outbox");
}
