namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>The repository the tests were built from, for tests that check its files (recipes, resources).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InternalSocial.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (InternalSocial.sln) is not above the test binaries.");
    }
}
