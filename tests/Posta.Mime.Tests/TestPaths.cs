namespace Posta.Mime.Tests;

/// <summary>Where the test data and the Debian corpora live.</summary>
internal static class TestPaths
{
    public const string PythonCorpus = "/usr/lib/python3.11/test/test_email/data";
    public const string EnmimeCorpus = "/usr/share/gocode/src/github.com/jhillyerd/enmime/testdata";
    public const string ClamAvCorpus = "/usr/share/clamav-testfiles";

    /// <summary>The Debian packages the corpora come from, as ./test.sh installs them.</summary>
    public const string Packages = "libpython3.11-testsuite golang-github-jhillyerd-enmime-dev clamav-testfiles";

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData", "messages");

    public static string Differential => Path.Combine(TestData, "differential");

    /// <summary>Fails (never skips) when a corpus from a Debian package is missing.</summary>
    public static void RequireDirectory(string path)
    {
        Assert.True(Directory.Exists(path), $"Test corpus {path} is missing: run ./test.sh, which installs the Debian packages {Packages}.");
    }

    public static void RequireFile(string path)
    {
        Assert.True(File.Exists(path), $"Test corpus file {path} is missing: run ./test.sh, which installs the Debian packages {Packages}.");
    }
}
