namespace Posta.Mime.Tests.Differential;

/// <summary>Messages generated for the differential test: deep nesting, huge headers, 8-bit, every charset.</summary>
internal static class GeneratedCorpus
{
    public static IReadOnlyList<string> WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var (name, bytes) in Messages.All())
        {
            var path = Path.Combine(directory, name);
            File.WriteAllBytes(path, bytes);
            files.Add(path);
        }

        return files;
    }
}
