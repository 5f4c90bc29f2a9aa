using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Posta.Mime.Tests.Differential;

/// <summary>Runs tests/TestData/messages/differential/email_dump.py: Python's email package as the reference reader.</summary>
internal static class PythonEmail
{
    public static IReadOnlyDictionary<string, JsonObject> Dump(IReadOnlyList<string> files)
    {
        var script = Path.Combine(TestPaths.Differential, "email_dump.py");
        Assert.True(File.Exists(script), $"{script} is missing from the test output.");
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var file in files)
            start.ArgumentList.Add(file);
        start.Environment["PYTHONHASHSEED"] = "0";

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("python3 is missing: run ./test.sh, which installs Debian's python3.", error);
        }

        using var process = started ?? throw new InvalidOperationException("python3 did not start: run ./test.sh, which installs Debian's python3.");
        var errors = process.StandardError.ReadToEndAsync();
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            var entry = JsonNode.Parse(line, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 })!.AsObject();
            result[entry["file"]!.GetValue<string>()] = entry;
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"email_dump.py failed: {errors.Result}");
        Assert.Equal(files.Count, result.Count);
        return result;
    }
}
