using System.Text.Json.Nodes;
using Posta.Testing;

namespace Posta.Smtp.Tests.Dsn;

/// <summary>
/// A report as Python's email package reads it (tests/TestData/dsn/parse_report.py): the reference
/// reader, so the assertions do not depend on our own MIME parser.
/// </summary>
internal sealed class PythonReport
{
    private readonly JsonObject _root;

    private PythonReport(JsonObject root) => _root = root;

    public string ContentType => _root["content_type"]!.GetValue<string>();

    public string? ReportType => _root["report_type"]?.GetValue<string>();

    public IReadOnlyList<string> Defects => Strings(_root["defects"]!.AsArray());

    public JsonArray Parts => _root["parts"]!.AsArray();

    public IReadOnlyList<string> PartTypes => [.. Parts.Select(p => p!["content_type"]!.GetValue<string>())];

    public static async Task<PythonReport> ParseAsync(byte[] report)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "TestData", "dsn", "parse_report.py");
        Assert.True(File.Exists(script), $"{script} is missing from the test output.");
        using var dir = new TempDirectory("dsn");
        var file = dir.Combine("report.eml");
        await File.WriteAllBytesAsync(file, report);
        var result = await ProcessRunner.RunAsync("python3", [script, file], timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"parse_report.py failed (python3 comes with ./test.sh): {result}");
        return new PythonReport(JsonNode.Parse(result.Stdout)!.AsObject());
    }

    /// <summary>The value of the first top-level header field of that name.</summary>
    public string? Header(string name) => Field(_root["headers"]!.AsArray(), name);

    public JsonObject Part(string contentType) =>
        Parts.Single(p => p!["content_type"]!.GetValue<string>() == contentType)!.AsObject();

    /// <summary>The delivery-status part's field groups: the per-message one, then one per recipient.</summary>
    public IReadOnlyList<JsonArray> StatusBlocks(string contentType = "message/delivery-status") =>
        [.. Part(contentType)["blocks"]!.AsArray().Select(b => b!.AsArray())];

    public static string? Field(JsonArray fields, string name) =>
        fields.Select(f => f!.AsArray()).FirstOrDefault(f => string.Equals(f[0]!.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))?[1]!.GetValue<string>();

    public static IReadOnlyList<string> FieldNames(JsonArray fields) => [.. fields.Select(f => f![0]!.GetValue<string>())];

    private static List<string> Strings(JsonArray array) => [.. array.Select(n => n!.GetValue<string>())];
}
