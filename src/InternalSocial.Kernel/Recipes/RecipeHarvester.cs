using InternalSocial.Kernel.Hosting;
using Microsoft.Extensions.Options;

namespace InternalSocial.Kernel.Recipes;

/// <summary>The recipes shipped in the recipes folder.</summary>
public sealed class RecipeHarvester(IOptions<InternalSocialOptions> options)
{
    public string Folder => Path.GetFullPath(options.Value.RecipesPath, AppContext.BaseDirectory);

    public async Task<IReadOnlyList<Recipe>> GetAllAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var recipes = new List<Recipe>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            recipes.Add(await LoadFileAsync(file, cancellationToken));
        }

        return recipes;
    }

    /// <summary>A recipe by its name, or null.</summary>
    public async Task<Recipe?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await GetAllAsync(cancellationToken)).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public static async Task<Recipe> LoadFileAsync(string path, CancellationToken cancellationToken) =>
        Recipe.Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path));
}
