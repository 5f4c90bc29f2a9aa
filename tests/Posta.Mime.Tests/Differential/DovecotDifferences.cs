namespace Posta.Mime.Tests.Differential;

/// <summary>
/// tests/TestData/messages/dovecot-differences.tsv: every message whose ENVELOPE, BODYSTRUCTURE or BODY
/// Posta writes differently from Dovecot, with the reason Posta's is the right one. Lines are
/// "message TAB view TAB reason"; "#" starts a comment.
/// </summary>
internal static class DovecotDifferences
{
    public static IReadOnlyDictionary<string, string> Load()
    {
        var path = Path.Combine(TestPaths.TestData, "dovecot-differences.tsv");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            Assert.True(columns.Length == 3 && columns[2].Trim().Length > 0, $"dovecot-differences.tsv: malformed line (message, view, reason): {line}");
            Assert.True(result.TryAdd(Key(columns[0], columns[1]), columns[2]), $"dovecot-differences.tsv: duplicate entry {columns[0]} {columns[1]}");
        }

        return result;
    }

    public static string Key(string message, string view) => message + "\t" + view;
}
