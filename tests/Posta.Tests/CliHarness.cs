using System.Collections;
using Posta.Cli;
using Posta.Testing;

namespace Posta.Tests;

/// <summary>Runs the CLI in-process on a temporary data directory and captures its output.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly TempDirectory _dir = new("posta-cli");

    public string DataDirectory => _dir.Combine("data");

    public async Task<(int Exit, string Out, string Err)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(new StringReader(stdin), output, error, new Hashtable());
        var exit = await PostaCli.RunAsync([.. args, "--data", DataDirectory], io);
        return (exit, output.ToString(), error.ToString());
    }

    public Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public void Dispose() => _dir.Dispose();
}
