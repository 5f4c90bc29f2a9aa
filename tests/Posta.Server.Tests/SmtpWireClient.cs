using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Posta.Server.Tests;

/// <summary>
/// A raw SMTP client for what swaks cannot send: exact bytes (malformed line ends, NUL, BDAT
/// chunks, pipelined batches) from a chosen local address. Replies are read line by line, each
/// with a timeout so a server that went silent fails the test instead of hanging it.
/// </summary>
internal sealed class SmtpWireClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private SmtpWireClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.UTF8, false, 4096, leaveOpen: true);
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> from <paramref name="localAddress"/> (127.0.0.1 by default).</summary>
    public static async Task<SmtpWireClient> ConnectAsync(int port, string localAddress = "127.0.0.1")
    {
        var tcp = new TcpClient(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        return new SmtpWireClient(tcp);
    }

    /// <summary>Connects, reads the greeting and sends EHLO; returns the EHLO reply.</summary>
    public static async Task<(SmtpWireClient Client, string Ehlo)> GreetAsync(int port, string localAddress = "127.0.0.1")
    {
        var client = await ConnectAsync(port, localAddress);
        var greeting = await client.ReadReplyAsync();
        if (!greeting.StartsWith("220 ", StringComparison.Ordinal))
        {
            await client.DisposeAsync();
            throw new InvalidOperationException("unexpected greeting: " + greeting);
        }

        return (client, await client.CommandAsync("EHLO wire.test"));
    }

    /// <summary>Writes <paramref name="bytes"/> exactly as given.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8, exactly as given (no line end is added).</summary>
    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends one command line and reads its reply.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>One reply; the lines of a multi-line reply joined with "\n".</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new IOException($"connection closed after:\n{string.Join('\n', lines)}");
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Sends MAIL, RCPT and DATA, each expected to succeed, then the content and the end-of-data line; returns the final reply.</summary>
    public async Task<string> SendMessageAsync(string mailFrom, string rcptTo, string content)
    {
        await ExpectAsync("MAIL FROM:" + mailFrom, "250 ");
        await ExpectAsync("RCPT TO:" + rcptTo, "250 ");
        await ExpectAsync("DATA", "354 ");
        await SendAsync(content + ".\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>Sends a command and fails unless its reply starts with <paramref name="expected"/>.</summary>
    public async Task<string> ExpectAsync(string line, string expected)
    {
        var reply = await CommandAsync(line);
        if (!reply.StartsWith(expected, StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"{line}: expected {expected}..., got {reply}");
        }

        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
