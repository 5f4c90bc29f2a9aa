using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Posta.Smtp.Tests.Client;

/// <summary>
/// The server's end of one connection in a <see cref="ScriptedServer"/>: reads lines and raw
/// bytes exactly as the client sent them, writes replies, can switch to TLS. Every read gives
/// up after <see cref="ReadTimeout"/>, so a client that does not send what the script waits for
/// fails the test instead of hanging it.
/// </summary>
internal sealed class ScriptedConnection(Stream stream) : IAsyncDisposable
{
    private readonly MemoryStream _received = new();
    private Stream _stream = stream;
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Every octet the client sent so far.</summary>
    public byte[] Received => _received.ToArray();

    /// <summary>Writes <paramref name="text"/> (UTF-8) at once.</summary>
    public async Task SendAsync(string text)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await _stream.FlushAsync();
    }

    /// <summary>Writes <paramref name="text"/> in pieces of <paramref name="pieceLength"/> octets with a pause between them.</summary>
    public async Task SendInPiecesAsync(string text, int pieceLength, TimeSpan pause)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i += pieceLength)
        {
            await _stream.WriteAsync(bytes.AsMemory(i, Math.Min(pieceLength, bytes.Length - i)));
            await _stream.FlushAsync();
            await Task.Delay(pause);
        }
    }

    /// <summary>Reads one line, which must end in CRLF; returns it without the CRLF.</summary>
    public async Task<string> ReadLineAsync()
    {
        while (true)
        {
            var lineFeed = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (lineFeed >= 0)
            {
                Assert.True(lineFeed > _start && _buffer[lineFeed - 1] == (byte)'\r', "a command line ends in CRLF");
                var line = Encoding.UTF8.GetString(_buffer, _start, lineFeed - 1 - _start);
                _start = lineFeed + 1;
                return line;
            }

            await FillAsync();
        }
    }

    /// <summary>Reads <paramref name="count"/> lines.</summary>
    public async Task<IReadOnlyList<string>> ReadLinesAsync(int count)
    {
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            lines.Add(await ReadLineAsync());
        }

        return lines;
    }

    /// <summary>Reads DATA content up to and including CRLF.CRLF; returns it all, as sent.</summary>
    public async Task<byte[]> ReadDataAsync()
    {
        var end = "\r\n.\r\n"u8.ToArray();
        var data = new MemoryStream();
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            data.Write(available);
            _start = _end;
            var all = data.GetBuffer().AsSpan(0, (int)data.Length);
            // Empty content is the end mark alone.
            var found = all.StartsWith(".\r\n"u8) ? 0 : all.IndexOf(end);
            if (found >= 0)
            {
                var length = found == 0 && all[0] == (byte)'.' ? 3 : found + end.Length;

                // Whatever followed the terminator is the next command: keep it for ReadLineAsync.
                var rest = all[length..].ToArray();
                rest.CopyTo(_buffer, 0);
                _start = 0;
                _end = rest.Length;
                return all[..length].ToArray();
            }

            await FillAsync();
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> octets (a BDAT chunk).</summary>
    public async Task<byte[]> ReadBytesAsync(int count)
    {
        var result = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_start == _end)
            {
                await FillAsync();
            }

            var take = Math.Min(count - copied, _end - _start);
            Array.Copy(_buffer, _start, result, copied, take);
            _start += take;
            copied += take;
        }

        return result;
    }

    /// <summary>True when the client closes the connection without sending anything more.</summary>
    public async Task<bool> ReadsEndOfStreamAsync()
    {
        if (_start < _end)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(ReadTimeout);
        return await _stream.ReadAsync(new byte[1], timeout.Token) == 0;
    }

    /// <summary>True when nothing more arrives within <paramref name="wait"/>: the client is waiting for a reply.</summary>
    public async Task<bool> IsQuietForAsync(TimeSpan wait)
    {
        if (_start < _end)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(wait);
        try
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), timeout.Token);
            _received.Write(_buffer, _end, read);
            _end += read;
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>The server's side of a TLS handshake with <paramref name="certificate"/>.</summary>
    public async Task StartTlsAsync(X509Certificate2 certificate)
    {
        Assert.Equal(_start, _end);
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate });
        _stream = tls;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        await _received.DisposeAsync();
    }

    private async Task FillAsync()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        using var timeout = new CancellationTokenSource(ReadTimeout);
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the client sent nothing more within {ReadTimeout}; so far:\n{Encoding.UTF8.GetString(Received)}");
        }

        if (read == 0)
        {
            throw new EndOfStreamException($"the client closed the connection; it sent:\n{Encoding.UTF8.GetString(Received)}");
        }

        _received.Write(_buffer, _end, read);
        _end += read;
    }
}
