using System.Buffers;
using System.Globalization;

namespace Posta.Mime.Tests.Differential;

/// <summary>
/// Reads whole IMAP server responses from a stream as octets: a line, and where the line ends with a
/// literal announcement (<c>{n}</c>) the n octets that follow and the rest of the response after them.
/// The octets are kept exactly as sent, CRLFs included, for <see cref="DovecotReply"/> to parse.
/// </summary>
internal sealed class ImapResponseReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>How long one response may take to arrive.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<byte[]> ReadAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var response = new ArrayBufferWriter<byte>();
        while (true)
        {
            var lineStart = response.WrittenCount;
            await ReadLineAsync(response, cts.Token);
            if (LiteralLength(response.WrittenSpan[lineStart..]) is not { } length)
                return response.WrittenSpan.ToArray();
            await ReadExactlyAsync(response, length, cts.Token);
        }
    }

    // "{123}\r\n" or "{123+}\r\n" at the end of a line announces a literal of 123 octets.
    private static int? LiteralLength(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith("\r\n"u8))
            line = line[..^2];
        else if (line.EndsWith("\n"u8))
            line = line[..^1];
        if (line.Length < 3 || line[^1] != '}')
            return null;
        var open = line.LastIndexOf((byte)'{');
        if (open < 0)
            return null;
        var digits = line[(open + 1)..^1];
        if (digits.EndsWith("+"u8))
            digits = digits[..^1];
        return digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private async Task ReadLineAsync(ArrayBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var lf = available.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                output.Write(available[..(lf + 1)]);
                _start += lf + 1;
                return;
            }

            output.Write(available);
            _start = _end;
            await FillAsync(cancellationToken);
        }
    }

    private async Task ReadExactlyAsync(ArrayBufferWriter<byte> output, int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end)
                await FillAsync(cancellationToken);
            var take = Math.Min(count, _end - _start);
            output.Write(_buffer.AsSpan(_start, take));
            _start += take;
            count -= take;
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = 0;
        try
        {
            _end = await stream.ReadAsync(_buffer, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no complete response from the IMAP server within {Timeout}");
        }

        if (_end == 0)
            throw new IOException("the IMAP server closed the connection");
    }
}
