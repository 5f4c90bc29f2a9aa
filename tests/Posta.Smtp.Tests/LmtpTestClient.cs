using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Posta.Hosting;
using Posta.Smtp.Lmtp;

namespace Posta.Smtp.Tests;

/// <summary>The client end of an in-memory connection to <see cref="LmtpConnectionHandler"/>.</summary>
internal sealed class LmtpTestClient : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly CancellationTokenSource _shutdown = new();

    public LmtpTestClient(LmtpConnectionHandler handler)
    {
        Info = new FakeConnectionInfo(_shutdown.Token);
        var connection = new DefaultConnectionContext("test", new Duplex(_toServer.Reader, _toClient.Writer), new Duplex(_toClient.Reader, _toServer.Writer));
        connection.Features.Set<IConnectionInfo>(Info);
        Session = Task.Run(async () =>
        {
            try
            {
                await handler.OnConnectedAsync(connection);
            }
            finally
            {
                await _toClient.Writer.CompleteAsync();
            }
        });
    }

    public FakeConnectionInfo Info { get; }

    /// <summary>Completes when the handler returns.</summary>
    public Task Session { get; }

    public async Task SendAsync(string text) => await SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _toServer.Writer.WriteAsync(bytes);

    /// <summary>Sends the line with CRLF and returns the reply.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>
    /// MAIL FROM carol@example.net, RCPT TO each recipient and DATA, checking that each is accepted,
    /// so a test of what follows cannot pass on a transaction that never started.
    /// </summary>
    public async Task StartDataAsync(params string[] recipients)
    {
        Assert.StartsWith("250 ", await CommandAsync("MAIL FROM:<carol@example.net>"), StringComparison.Ordinal);
        foreach (var recipient in recipients)
        {
            Assert.StartsWith("250 ", await CommandAsync($"RCPT TO:<{recipient}>"), StringComparison.Ordinal);
        }

        Assert.StartsWith("354 ", await CommandAsync("DATA"), StringComparison.Ordinal);
    }

    /// <summary>One reply; multi-line replies are joined with "\n".</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new IOException("connection closed; got " + string.Join('\n', lines));
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>A line without CRLF, or null once the server closed the connection.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var reader = _toClient.Reader;
        while (true)
        {
            var result = await reader.ReadAsync(timeout.Token);
            var buffer = result.Buffer;
            var end = buffer.PositionOf((byte)'\n');
            if (end is { } lf)
            {
                var line = Encoding.UTF8.GetString(buffer.Slice(0, lf));
                reader.AdvanceTo(buffer.GetPosition(1, lf));
                Assert.EndsWith("\r", line, StringComparison.Ordinal);
                return line[..^1];
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>The server's greeting and a successful LHLO.</summary>
    public async Task GreetAsync()
    {
        Assert.StartsWith("220 ", await ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250-", await CommandAsync("LHLO mta.example.net"), StringComparison.Ordinal);
    }

    /// <summary>As the hosting layer does when the idle timeout expires.</summary>
    public void ExpireIdleTimeout()
    {
        Info.IsIdleTimedOut = true;
        _toServer.Reader.CancelPendingRead();
    }

    public Task RequestShutdownAsync() => _shutdown.CancelAsync();

    public async Task CloseAsync() => await _toServer.Writer.CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await Session.WaitAsync(TimeSpan.FromSeconds(20));
        _shutdown.Dispose();
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
