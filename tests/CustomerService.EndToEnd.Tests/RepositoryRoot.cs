namespace CustomerService.EndToEnd.Tests;

/// <summary>The repository root: where the solution file is, found from the test's output folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        // Tests run from tests/<project>/bin/<config>/<tfm>; the solution marks the root.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CustomerService.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CustomerService.sln above {AppContext.BaseDirectory}.");
    }
}
