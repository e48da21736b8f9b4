using FluentMigrator;

namespace InternalSocial.Kernel.Data.Migrations;

[Migration(1, "Documents table for the shell descriptor and settings")]
public sealed class CreateDocuments : Migration
{
    public override void Up() =>
        Create.Table("Kernel_Documents")
            .WithColumn("Id").AsString(200).PrimaryKey()
            .WithColumn("Content").AsString(int.MaxValue).NotNullable()
            .WithColumn("Version").AsInt32().NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable();

    public override void Down() => Delete.Table("Kernel_Documents");
}
