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

[Migration(2, "Recipe runs")]
public sealed class CreateRecipeRuns : Migration
{
    public override void Up()
    {
        Create.Table("Kernel_RecipeRuns")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("RecipeName").AsString(200).NotNullable()
            .WithColumn("FileName").AsString(400).NotNullable()
            .WithColumn("RanUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("RanBy").AsString(256).NotNullable()
            .WithColumn("Variables").AsString(int.MaxValue).NotNullable()
            .WithColumn("Succeeded").AsBoolean().NotNullable()
            .WithColumn("Error").AsString(int.MaxValue).Nullable();
        Create.Index("IX_Kernel_RecipeRuns_RanUtc").OnTable("Kernel_RecipeRuns").OnColumn("RanUtc").Descending();
    }

    public override void Down() => Delete.Table("Kernel_RecipeRuns");
}
