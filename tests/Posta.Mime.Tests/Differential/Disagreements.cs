namespace Posta.Mime.Tests.Differential;

/// <summary>
/// tests/TestData/messages/differential/disagreements.tsv: every place where Posta and Python read a
/// corpus message differently, with the reason Posta's reading is the right one. Lines are
/// "message TAB path.field TAB reason"; "#" starts a comment.
/// </summary>
internal static class Disagreements
{
    public static IReadOnlyDictionary<string, string> Load()
    {
        var path = Path.Combine(TestPaths.Differential, "disagreements.tsv");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            Assert.True(columns.Length == 3 && columns[2].Trim().Length > 0, $"disagreements.tsv: malformed line (message, where, reason): {line}");
            Assert.True(result.TryAdd(columns[0] + " " + columns[1], columns[2]), $"disagreements.tsv: duplicate entry {columns[0]} {columns[1]}");
        }

        return result;
    }
}
