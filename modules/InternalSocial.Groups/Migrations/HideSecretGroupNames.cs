using System.Data;
using FluentMigrator;
using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Migrations;

/// <summary>
/// Secret groups stop holding names and readable addresses (see <see cref="GroupNames"/>): names stay unique among
/// public and private groups only, and each existing secret group that a person made moves to an address with a random
/// part, once (a recipe's keeps the address the recipe names it by). Links to a moved group by its old address stop
/// working; by its id they still do.
/// </summary>
[Migration(4, "Groups: secret groups hold no name nor readable address")]
internal sealed class HideSecretGroupNames : Migration
{
    public override void Up()
    {
        Delete.Index("UX_Groups_Groups_NormalizedName").OnTable("Groups_Groups");
        // A partial index, in SQL both providers read alike (2 is GroupVisibility.Secret): unique names among the groups that are not secret.
        Execute.Sql("CREATE UNIQUE INDEX \"UX_Groups_Groups_VisibleName\" ON \"Groups_Groups\" (\"NormalizedName\") WHERE \"Visibility\" <> 2");
        Execute.WithConnection(MoveSecretSlugs);
    }

    public override void Down()
    {
        Delete.Index("UX_Groups_Groups_VisibleName").OnTable("Groups_Groups");
        Create.Index("UX_Groups_Groups_NormalizedName").OnTable("Groups_Groups").OnColumn("NormalizedName").Unique();
    }

    private static void MoveSecretSlugs(IDbConnection connection, IDbTransaction transaction)
    {
        var secret = new List<(long Id, string Slug)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT \"Id\", \"Slug\" FROM \"Groups_Groups\" WHERE \"Visibility\" = 2 AND \"CreatedBy\" <> ''";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                secret.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        foreach (var (id, slug) in secret)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE \"Groups_Groups\" SET \"Slug\" = @slug WHERE \"Id\" = @id";
            AddParameter(update, "@slug", GroupNames.SecretSlug(slug));
            AddParameter(update, "@id", id);
            update.ExecuteNonQuery();
        }
    }

    private static void AddParameter(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
