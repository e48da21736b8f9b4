using System.Text.Json;
using InternalSocial.Kernel.Data;

namespace InternalSocial.Kernel.Recipes;

/// <summary>The tenant's history of recipe runs: what ran, when, by whom, with which variables, and how it ended.</summary>
internal static class RecipeRunHistory
{
    private static readonly string[] SecretVariableNames = ["secret", "password", "token"];

    /// <summary>Records one run, successful (<paramref name="error"/> null) or not.</summary>
    public static async Task RecordAsync(TenantDatabase database, Recipe recipe, IReadOnlyDictionary<string, string>? variables, string ranBy, DateTime ranUtc, string? error, CancellationToken cancellationToken)
    {
        await using var db = KernelDbContext.Create(database);
        db.RecipeRuns.Add(new RecipeRun
        {
            RecipeName = recipe.Name,
            FileName = recipe.FileName,
            RanUtc = ranUtc,
            RanBy = ranBy,
            Variables = JsonSerializer.Serialize(Recorded(variables)),
            Succeeded = error is null,
            Error = error,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The variables as the history keeps them: the value of one named like a secret is never stored.</summary>
    private static Dictionary<string, string> Recorded(IReadOnlyDictionary<string, string>? variables) =>
        (variables ?? new Dictionary<string, string>()).ToDictionary(
            v => v.Key,
            v => SecretVariableNames.Any(part => v.Key.Contains(part, StringComparison.OrdinalIgnoreCase)) ? "(hidden)" : v.Value,
            StringComparer.Ordinal);
}
