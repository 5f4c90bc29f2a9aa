using Posta.Testing;

namespace Posta.Server.Tests;

/// <summary>Runs Debian's <c>swaks</c> against a local port and reads its transcript.</summary>
internal static class Swaks
{
    private const string Program = "/usr/bin/swaks";

    /// <summary>
    /// Runs swaks against 127.0.0.1:<paramref name="port"/> with the given options; never prompts
    /// (stdin is closed) and never waits long for a silent server.
    /// </summary>
    public static async Task<SwaksTranscript> RunAsync(int port, params string[] options)
    {
        ProcessRunner.RequireProgram(Program, "swaks");
        var result = await ProcessRunner.RunAsync(
            Program,
            ["--server", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--helo", "swaks.test", "--timeout", "20", .. options],
            stdin: string.Empty,
            timeout: TimeSpan.FromSeconds(40));
        return new SwaksTranscript(result);
    }
}
