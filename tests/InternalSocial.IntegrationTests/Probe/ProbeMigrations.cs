using FluentMigrator;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>Lets a test make the probe's second migration fail, as a broken upgrade would.</summary>
public static class ProbeMigrationSwitch
{
    private static volatile bool _failSecondMigration;

    public static bool FailSecondMigration
    {
        get => _failSecondMigration;
        set => _failSecondMigration = value;
    }
}

[Migration(1, "Probe notes")]
public sealed class CreateProbeNotes : Migration
{
    public override void Up() =>
        Create.Table("Probe_Notes")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Text").AsString(200).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();

    public override void Down() => Delete.Table("Probe_Notes");
}

[Migration(2, "Probe index")]
public sealed class AddProbeIndex : Migration
{
    public override void Up()
    {
        Create.Index("IX_Probe_Notes_Text").OnTable("Probe_Notes").OnColumn("Text");
        if (ProbeMigrationSwitch.FailSecondMigration)
        {
            // Runs inside the migration's transaction, after the index: the whole migration must roll back.
            Execute.Sql("SELECT * FROM Probe_Table_That_Does_Not_Exist");
        }
    }

    public override void Down() => Delete.Index("IX_Probe_Notes_Text").OnTable("Probe_Notes");
}
