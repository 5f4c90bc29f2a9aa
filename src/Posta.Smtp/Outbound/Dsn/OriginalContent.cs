using System.Buffers;
using Posta.Mime;
using Posta.Mime.Reading;

namespace Posta.Smtp.Outbound.Dsn;

/// <summary>
/// The part of the original message a report returns: the whole message when it is wanted, fits the
/// cap and can travel as 7bit or 8bit; otherwise its header block.
/// </summary>
internal static class OriginalContent
{
    // RFC 5322 §2.1.1 and RFC 2045 §2.8: 998 octets per line, CRLF excluded.
    private const int MaxLineLength = 998;

    /// <summary>What was returned.</summary>
    public enum Kind
    {
        /// <summary>The whole message (message/rfc822 or message/global).</summary>
        Message,

        /// <summary>Its header block only (text/rfc822-headers or message/global-headers).</summary>
        Headers,
    }

    /// <summary>
    /// Reads what to return. <paramref name="wantFull"/> asks for the whole message; it is returned when it
    /// is at most <paramref name="maxMessageSize"/> octets, has no NUL and no line over 998 octets (so it
    /// needs no BINARYMIME); otherwise the header block is. Bare LF line ends become CRLF.
    /// </summary>
    public static (Kind Kind, byte[] Content) Read(Stream original, bool wantFull, int maxMessageSize)
    {
        // The header block is read through MimeReader, which stores at most this much of it.
        var headerLimit = MimeLimits.DefaultMaxHeaderBlockSize;
        var prefix = ReadAtMost(original, wantFull ? Math.Max(maxMessageSize, headerLimit) + 1 : headerLimit);
        if (wantFull && prefix.Length <= maxMessageSize)
        {
            var message = ToCrlf(prefix);
            if (message.AsSpan().IndexOf((byte)0) < 0 && LongestLine(message) <= MaxLineLength)
            {
                return (Kind.Message, message);
            }
        }

        return (Kind.Headers, HeaderBlock(prefix.AsMemory(0, Math.Min(prefix.Length, headerLimit))));
    }

    /// <summary>True when the bytes hold an octet above 127 (an RFC 6532 header, or 8-bit content).</summary>
    public static bool HasEightBit(ReadOnlySpan<byte> content) => content.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>The header fields, without an mbox "From " line or the blank line after them.</summary>
    private static byte[] HeaderBlock(ReadOnlyMemory<byte> prefix)
    {
        var root = MimeReader.ReadHeaders(new ReadOnlySequence<byte>(prefix)).Root;
        var header = prefix.Span.Slice((int)root.HeaderOffset, (int)root.HeaderLength);

        // Without a blank line within the limit the block may end inside a line: keep whole lines only.
        if (!root.HasHeaderTerminator)
        {
            var lastLineFeed = header.LastIndexOf((byte)'\n');
            header = lastLineFeed < 0 ? [] : header[..(lastLineFeed + 1)];
        }

        var lines = new List<byte[]>();
        foreach (var range in header.Split((byte)'\n'))
        {
            var line = header[range];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            // The blank line that ends the block, and the empty remainder after the last LF.
            if (line.IsEmpty)
            {
                continue;
            }

            // A NUL or an over-long line would make the report need BINARYMIME: such octets are not
            // worth that, so NUL becomes a space and the line is cut (at a UTF-8 character boundary).
            lines.Add(Cut(line.ToArray().Select(b => b == 0 ? (byte)' ' : b).ToArray()));
        }

        var output = new ArrayBufferWriter<byte>();
        foreach (var line in lines)
        {
            output.Write(line);
            output.Write("\r\n"u8);
        }

        return output.WrittenSpan.ToArray();
    }

    private static byte[] Cut(byte[] line)
    {
        if (line.Length <= MaxLineLength)
        {
            return line;
        }

        var length = MaxLineLength;
        while (length > 0 && (line[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return line[..length];
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (buffer.WrittenCount < limit)
        {
            var span = buffer.GetSpan(Math.Min(64 * 1024, limit - buffer.WrittenCount));
            var read = stream.Read(span[..Math.Min(span.Length, limit - buffer.WrittenCount)]);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Bare LF becomes CRLF; the spool should hold CRLF already, but a report must.</summary>
    private static byte[] ToCrlf(byte[] data)
    {
        var bare = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n' && (i == 0 || data[i - 1] != (byte)'\r'))
            {
                bare++;
            }
        }

        if (bare == 0)
        {
            return data;
        }

        var result = new byte[data.Length + bare];
        var position = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n' && (i == 0 || data[i - 1] != (byte)'\r'))
            {
                result[position++] = (byte)'\r';
            }

            result[position++] = data[i];
        }

        return result;
    }

    private static int LongestLine(ReadOnlySpan<byte> data)
    {
        var longest = 0;
        while (!data.IsEmpty)
        {
            var lineFeed = data.IndexOf((byte)'\n');
            var line = lineFeed < 0 ? data : data[..lineFeed];
            var length = line.Length > 0 && line[^1] == (byte)'\r' ? line.Length - 1 : line.Length;
            longest = Math.Max(longest, length);
            data = lineFeed < 0 ? [] : data[(lineFeed + 1)..];
        }

        return longest;
    }
}
