using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Posta.Testing;

/// <summary>
/// A minimal CRLF line client for driving text protocols (SMTP, LMTP, IMAP, POP3) from tests,
/// with an optional TLS upgrade. Every read has a timeout so a silent server fails the test.
/// </summary>
public sealed class LineClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private Stream _stream;
    private StreamReader _reader;

    private LineClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.UTF8, false, 4096, leaveOpen: true);
    }

    /// <summary>How long a read waits for a line.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<LineClient> ConnectAsync(int port, string host = "127.0.0.1")
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(host, port);
        return new LineClient(tcp);
    }

    /// <summary>Reads one line without its CRLF; null at end of stream.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            return await _reader.ReadLineAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no line from the server within {Timeout}");
        }
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns all of them.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilAsync(string prefix)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new IOException($"connection closed; got so far:\n{string.Join('\n', lines)}");
            lines.Add(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return lines;
            }
        }
    }

    /// <summary>Reads an SMTP/LMTP reply (multi-line replies joined); returns its lines.</summary>
    public async Task<IReadOnlyList<string>> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new IOException("connection closed mid-reply");
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return lines;
            }
        }
    }

    /// <summary>Writes a line with CRLF.</summary>
    public Task WriteLineAsync(string line) => WriteRawAsync(line + "\r\n");

    /// <summary>Writes text exactly as given.</summary>
    public async Task WriteRawAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Starts TLS over the connection, accepting any certificate (test servers are self-signed).</summary>
    public async Task<SslStream> StartTlsAsync(string targetHost = "posta.test")
    {
        var ssl = new SslStream(_tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync(targetHost);
        _stream = ssl;
        _reader = new StreamReader(ssl, Encoding.UTF8, false, 4096, leaveOpen: true);
        return ssl;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
