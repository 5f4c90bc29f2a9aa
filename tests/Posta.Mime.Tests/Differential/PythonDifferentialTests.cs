using System.Text;

namespace Posta.Mime.Tests.Differential;

/// <summary>
/// Reads every message of Debian's corpora (and generated ones) with Posta and with Python's email
/// package and compares part trees, content types, filenames, decoded subjects and addresses and the
/// decoded bytes and text of every leaf. Every difference must be listed, with its reason, in
/// disagreements.tsv; a listed difference that no longer occurs fails too.
/// </summary>
public class PythonDifferentialTests
{
    [Fact]
    public void Python_test_suite_messages_read_the_same()
    {
        TestPaths.RequireDirectory(TestPaths.PythonCorpus);
        Run("python", TestPaths.PythonCorpus, Directory.GetFiles(TestPaths.PythonCorpus, "msg_*.txt"));
    }

    [Fact]
    public void Enmime_test_messages_read_the_same()
    {
        TestPaths.RequireDirectory(TestPaths.EnmimeCorpus);
        var files = new[] { "mail", "low-quality", "parts" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(TestPaths.EnmimeCorpus, d), "*.raw"))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.EnmimeCorpus, "encode"), "*.golden"));
        Run("enmime", TestPaths.EnmimeCorpus, files);
    }

    [Fact]
    public void ClamAV_test_mails_read_the_same()
    {
        string[] names = ["clam.mail", "clam.exe.mbox.base64", "clam.exe.mbox.uu"];
        foreach (var name in names)
            TestPaths.RequireFile(Path.Combine(TestPaths.ClamAvCorpus, name));
        Run("clamav", TestPaths.ClamAvCorpus, names.Select(n => Path.Combine(TestPaths.ClamAvCorpus, n)));
    }

    [Fact]
    public void Generated_messages_read_the_same()
    {
        var directory = Path.Combine(Path.GetTempPath(), "posta-mime-generated-" + Environment.ProcessId);
        try
        {
            var files = GeneratedCorpus.WriteTo(directory);
            Run("generated", directory, files);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Run(string corpus, string root, IEnumerable<string> files)
    {
        var list = files.OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(list);
        var python = PythonEmail.Dump(list);
        var recorded = Disagreements.Load().Where(e => e.Key.StartsWith(corpus + "/", StringComparison.Ordinal)).ToDictionary();

        var actual = new Dictionary<string, (string Posta, string Python)>(StringComparer.Ordinal);
        foreach (var file in list)
        {
            var name = corpus + "/" + Path.GetRelativePath(root, file);
            var theirs = python[file];
            var ours = PostaDump.Dump(File.ReadAllBytes(file));
            if (theirs["root"] is not System.Text.Json.Nodes.JsonObject theirRoot)
            {
                actual[name + " root.parse"] = ("parsed", theirs["error"]?.ToString() ?? "?");
                continue;
            }

            foreach (var (where, values) in TreeComparer.Compare(ours, theirRoot))
                actual[name + " " + where] = values;
        }

        var report = new StringBuilder();
        foreach (var (key, (posta, py)) in actual.Where(a => !recorded.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
            report.Append("unexplained: ").Append(key.Replace(" ", "\t", StringComparison.Ordinal)).Append("\n    posta:  ").Append(posta).Append("\n    python: ").Append(py).Append('\n');
        foreach (var key in recorded.Keys.Where(k => !actual.ContainsKey(k)).Order(StringComparer.Ordinal))
            report.Append("stale entry (Posta and Python now agree): ").Append(key).Append('\n');
        Assert.True(report.Length == 0, $"{corpus}: {list.Count} messages, {actual.Count} differences\n{report}");
    }
}
