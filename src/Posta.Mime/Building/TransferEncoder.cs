using System.Buffers;
using System.Buffers.Text;

namespace Posta.Mime.Building;

/// <summary>Chooses and applies a 7bit-safe Content-Transfer-Encoding (RFC 2045 §6).</summary>
internal static class TransferEncoder
{
    // RFC 5322 §2.1.1: 998 characters per line, CRLF excluded. RFC 2045 §6.7/§6.8: 76 per encoded line.
    private const int MaxLine = 998;
    private const int EncodedLine = 76;

    /// <summary>True when the bytes can go as 7bit: ASCII without NUL, CRLF line endings only, lines of at most 998.</summary>
    public static bool IsSevenBit(ReadOnlySpan<byte> data)
    {
        var column = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b is 0 or >= 0x80)
                return false;
            if (b == '\r')
            {
                if (i + 1 >= data.Length || data[i + 1] != '\n')
                    return false;
                i++;
                column = 0;
                continue;
            }

            if (b == '\n' || ++column > MaxLine)
                return false;
        }

        return true;
    }

    /// <summary>True when quoted-printable keeps the text readable: at most a third of the octets need escaping.</summary>
    public static bool PrefersQuotedPrintable(ReadOnlySpan<byte> data)
    {
        var escaped = 0;
        foreach (var b in data)
        {
            if (b >= 0x80 || (b < 32 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t')))
                escaped++;
        }

        return escaped * 3 <= data.Length;
    }

    public static void Base64(ReadOnlySpan<byte> data, ArrayBufferWriter<byte> output)
    {
        const int bytesPerLine = EncodedLine / 4 * 3;
        while (!data.IsEmpty)
        {
            var chunk = data[..Math.Min(bytesPerLine, data.Length)];
            var span = output.GetSpan(EncodedLine + 2);
            System.Buffers.Text.Base64.EncodeToUtf8(chunk, span, out _, out var written);
            span[written] = (byte)'\r';
            span[written + 1] = (byte)'\n';
            output.Advance(written + 2);
            data = data[chunk.Length..];
        }
    }

    /// <summary>Quoted-printable for text whose line breaks are CRLF: they stay line breaks.</summary>
    public static void QuotedPrintable(ReadOnlySpan<byte> data, ArrayBufferWriter<byte> output)
    {
        var column = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
            {
                output.Write("\r\n"u8);
                column = 0;
                i++;
                continue;
            }

            // Whitespace before a line break must be escaped, or transports may strip it (rule 3).
            var atLineEnd = i + 1 == data.Length || (data[i + 1] == '\r' && i + 2 < data.Length && data[i + 2] == '\n');
            var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
            var width = literal ? 1 : 3;
            if (column + width > EncodedLine - 1)
            {
                output.Write("=\r\n"u8);
                column = 0;
            }

            if (literal)
            {
                output.Write([b]);
            }
            else
            {
                output.Write([(byte)'=', (byte)"0123456789ABCDEF"[b >> 4], (byte)"0123456789ABCDEF"[b & 15]]);
            }

            column += width;
        }
    }
}
