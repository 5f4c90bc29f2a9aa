using System.Diagnostics;
using System.Text;

namespace Posta.Testing;

/// <summary>
/// The real <c>posta</c> process on free loopback ports with a temporary data directory: start it,
/// talk to it over sockets, run its admin verbs on the same store, stop or kill it.
/// </summary>
public sealed class PostaServer : IAsyncDisposable
{
    // What `posta serve` writes to standard error once every listener is bound.
    private const string ReadyMarker = "posta is ready";

    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TempDirectory? _ownedData;
    private Process? _process;

    private PostaServer(string dataDirectory, TempDirectory? ownedData, IReadOnlyDictionary<string, int> ports)
    {
        DataDirectory = dataDirectory;
        _ownedData = ownedData;
        Ports = ports;
    }

    /// <summary>The data directory the server and its admin verbs use.</summary>
    public string DataDirectory { get; }

    /// <summary>Listener name → loopback port.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; }

    /// <summary>The server's process id while it runs.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not started");

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>Everything the server wrote to standard error so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// The log once it holds <paramref name="text"/>: lines reach it a moment after the client saw
    /// the reply they belong to. Throws with the log when it does not come within the timeout.
    /// </summary>
    public async Task<string> WaitForLogAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var log = Log;
            if (log.Contains(text, StringComparison.Ordinal))
            {
                return log;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"posta never logged \"{text}\"; its log:\n{log}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Starts <c>posta serve</c> with the given listeners on free ports (each bound to
    /// 127.0.0.1) and waits until it reports ready. <paramref name="dataDirectory"/> null makes a
    /// temporary one that is deleted on dispose.
    /// </summary>
    public static async Task<PostaServer> StartAsync(IEnumerable<string> listeners, string? dataDirectory = null, IEnumerable<string>? extraArguments = null, IDictionary<string, string?>? environment = null, TimeSpan? startTimeout = null)
    {
        TempDirectory? owned = null;
        if (dataDirectory is null)
        {
            owned = new TempDirectory("posta-data");
            dataDirectory = owned.Path;
        }

        return await StartCoreAsync(listeners, dataDirectory, owned, ["--data", dataDirectory, "--hostname", "posta.test", .. extraArguments ?? []], environment, null, startTimeout);
    }

    /// <summary>
    /// Starts <c>posta serve</c> the way the README's first command does: no configuration and no
    /// --data, in <paramref name="workingDirectory"/>, so the store is <c>./data</c> there.
    /// </summary>
    public static Task<PostaServer> StartWithDefaultsAsync(string workingDirectory, IEnumerable<string> listeners) =>
        StartCoreAsync(listeners, Path.Combine(workingDirectory, "data"), null, [], null, workingDirectory, null);

    private static async Task<PostaServer> StartCoreAsync(IEnumerable<string> listeners, string dataDirectory, TempDirectory? owned, IEnumerable<string> extraArguments, IDictionary<string, string?>? environment, string? workingDirectory, TimeSpan? startTimeout)
    {
        // A free port can be taken between FreePort.Get and the bind: the kernel hands the same
        // ephemeral range to outgoing connections, of which the suite opens thousands. Try again
        // with fresh ports, a few times.
        var names = listeners.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var ports = names.ToDictionary(l => l, _ => FreePort.Get(), StringComparer.Ordinal);
            var server = new PostaServer(dataDirectory, owned, ports);
            var args = new List<string> { "serve" };
            foreach (var (name, port) in ports)
            {
                args.Add("--listen");
                args.Add($"{name}=127.0.0.1:{port}");
            }

            args.AddRange(extraArguments);
            try
            {
                await server.StartProcessAsync(args, environment, workingDirectory, startTimeout ?? TimeSpan.FromSeconds(60));
                return server;
            }
            catch (InvalidOperationException e) when (attempt < 4 && e.Message.Contains("address already in use", StringComparison.Ordinal))
            {
                await server.DisposeProcessOnlyAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Runs an admin verb (<c>user add ...</c>) on this server's data directory.</summary>
    public Task<ProcessRunner.Result> RunCliAsync(IEnumerable<string> arguments, string? stdin = null) =>
        RunCliAsync(DataDirectory, arguments, stdin);

    /// <summary>Runs <c>posta</c> with <c>--data</c> <paramref name="dataDirectory"/> and the arguments.</summary>
    public static Task<ProcessRunner.Result> RunCliAsync(string dataDirectory, IEnumerable<string> arguments, string? stdin = null, IDictionary<string, string?>? environment = null) =>
        ProcessRunner.RunAsync(RepositoryPaths.PostaExecutable, [.. arguments, "--data", dataDirectory], stdin, environment);

    /// <summary>Asks the server to stop (SIGTERM) and waits for it to exit; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        var process = _process ?? throw new InvalidOperationException("not started");
        if (!process.HasExited)
        {
            Signal(process.Id, "TERM");
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(40));
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>Kills the server with SIGKILL, as a crash or power cut would stop it.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("not started");
        if (!process.HasExited)
        {
            Signal(process.Id, "KILL");
        }

        await process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeProcessOnlyAsync();
        _ownedData?.Dispose();
    }

    /// <summary>Ends the process but keeps the data directory (a start that is tried again).</summary>
    private async Task DisposeProcessOnlyAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false });
        kill?.WaitForExit();
    }

    private async Task StartProcessAsync(IEnumerable<string> arguments, IDictionary<string, string?>? environment, string? workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(RepositoryPaths.PostaExecutable)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[k] = v;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"posta exited before it was ready:\n{Log}"));
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        var finished = await Task.WhenAny(_ready.Task, Task.Delay(timeout));
        if (finished != _ready.Task)
        {
            throw new TimeoutException($"posta did not report ready within {timeout}:\n{Log}");
        }

        await _ready.Task;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (line.Contains(ReadyMarker, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
