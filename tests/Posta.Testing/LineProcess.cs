using System.Diagnostics;
using System.Text;

namespace Posta.Testing;

/// <summary>
/// A command driven line by line over its standard input and output, for peers that answer as they go
/// (GNU SASL's client reads each server challenge only after printing its own response). Every read has
/// a timeout so a peer that waits for something else fails the test instead of hanging it.
/// </summary>
public sealed class LineProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private LineProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>How long a read waits for a line.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/>, each passed as is.</summary>
    public static LineProcess Start(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        return new LineProcess(Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}"));
    }

    /// <summary>Reads one line of standard output; null at its end.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            return await _process.StandardOutput.ReadLineAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_process.StartInfo.FileName} printed no line within {Timeout}");
        }
    }

    /// <summary>Writes one line to standard input and flushes it.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Closes standard input and waits for the exit; returns the exit code and what went to standard error.</summary>
    public async Task<(int ExitCode, string Stderr)> FinishAsync()
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_process.StartInfo.FileName} did not exit within {Timeout} of its input closing");
        }

        return (_process.ExitCode, await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
