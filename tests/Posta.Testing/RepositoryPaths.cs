namespace Posta.Testing;

/// <summary>Where things are in the checkout the tests run from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory holding Posta.slnx.</summary>
    public static string Root => RootPath.Value;

    /// <summary>tests/TestData.</summary>
    public static string TestData => Path.Combine(Root, "tests", "TestData");

    /// <summary>
    /// The <c>posta</c> executable built with the solution, in the configuration the tests were
    /// built with (test.sh builds Release; an IDE builds Debug).
    /// </summary>
    public static string PostaExecutable
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var candidates = new[] { configuration, "Release", "Debug" }
                .Select(c => Path.Combine(Root, "src", "Posta", "bin", c, "net10.0", "posta"));
            return candidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException($"the posta executable is not built; run ./test.sh or dotnet build (looked in src/Posta/bin/{configuration}/net10.0)");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Posta.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Posta.slnx) above " + AppContext.BaseDirectory);
    }
}
