using System.Diagnostics;
using System.Text;

namespace Posta.Testing;

/// <summary>Runs a command to completion and captures what it printed.</summary>
public static class ProcessRunner
{
    /// <summary>The outcome of a finished command.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/>, feeding <paramref name="stdin"/>;
    /// kills it and throws after <paramref name="timeout"/> (default one minute).
    /// </summary>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, string? stdin = null, IDictionary<string, string?>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {timeout ?? TimeSpan.FromMinutes(1)}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Fails the test with a message naming the missing program and how to get it.</summary>
    public static string RequireProgram(string path, string package)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install the Debian package {package} (./test.sh does)");
        }

        return path;
    }
}
