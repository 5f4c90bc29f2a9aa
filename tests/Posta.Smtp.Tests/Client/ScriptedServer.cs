using System.Net;
using System.Net.Sockets;

namespace Posta.Smtp.Tests.Client;

/// <summary>
/// A fake SMTP/LMTP server on a loopback socket (TCP or a unix socket) that plays one script
/// against one connection: the test writes the server's side as code, with byte-level control
/// over what is sent when (replies split across writes, pipelined groups read before replying,
/// silence for timeouts). <see cref="Completion"/> fails with whatever the script asserted.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();

    private ScriptedServer(Socket listener, EndPoint endPoint, Func<ScriptedConnection, Task> script)
    {
        _listener = listener;
        EndPoint = endPoint;
        Completion = RunAsync(script);
    }

    /// <summary>Where the server listens.</summary>
    public EndPoint EndPoint { get; }

    /// <summary>The script's run: completes when the script returns, fails when it throws.</summary>
    public Task Completion { get; }

    /// <summary>Listens on 127.0.0.1 (or the unix socket <paramref name="unixSocketPath"/>) and runs <paramref name="script"/> for the first connection.</summary>
    public static ScriptedServer Start(Func<ScriptedConnection, Task> script, string? unixSocketPath = null)
    {
        Socket listener;
        if (unixSocketPath is null)
        {
            listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
        else
        {
            listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(unixSocketPath));
        }

        listener.Listen(1);
        return new ScriptedServer(listener, listener.LocalEndPoint!, script);
    }

    /// <summary>Waits for the script to finish (at most 10 seconds) and rethrows its failure.</summary>
    public Task FinishAsync() => Completion.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await Completion;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The test ended before the script: its own assertions have run.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(Func<ScriptedConnection, Task> script)
    {
        using var socket = await _listener.AcceptAsync(_stop.Token);
        await using var connection = new ScriptedConnection(new NetworkStream(socket, ownsSocket: false));
        await script(connection);
    }
}
