using System.Net;
using System.Net.Sockets;
using System.Text;
using Posta.Testing;

namespace Posta.Smtp.Tests.Dsn;

/// <summary>
/// A remote MX on a loopback port that accepts the sender and refuses every recipient with one
/// fixed reply: the far end of a bounce, for Postfix to report on.
/// </summary>
internal sealed class RejectingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _rcptReply;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private RejectingSmtpServer(TcpListener listener, string rcptReply)
    {
        _listener = listener;
        _rcptReply = rcptReply;
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Lines the server received, in order.</summary>
    public List<string> Received { get; } = [];

    public static RejectingSmtpServer Start(string rcptReply)
    {
        var listener = new TcpListener(IPAddress.Loopback, FreePort.Get());
        listener.Start();
        return new RejectingSmtpServer(listener, rcptReply);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The accept loop ends by cancellation.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await using (writer)
        {
            await writer.WriteLineAsync("220 mx.remote.test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                lock (Received)
                {
                    Received.Add(line);
                }

                var verb = line.Split(' ')[0].ToUpperInvariant();
                var reply = verb switch
                {
                    "EHLO" => "250-mx.remote.test\r\n250 ENHANCEDSTATUSCODES",
                    "HELO" => "250 mx.remote.test",
                    "MAIL" => "250 2.1.0 Ok",
                    "RCPT" => _rcptReply,
                    "DATA" => "554 5.5.1 Error: no valid recipients",
                    "RSET" or "NOOP" => "250 2.0.0 Ok",
                    "QUIT" => "221 2.0.0 Bye",
                    _ => "502 5.5.2 Error: command not recognized",
                };
                await writer.WriteLineAsync(reply);
                if (verb == "QUIT")
                {
                    return;
                }
            }
        }
    }
}
