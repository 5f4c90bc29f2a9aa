namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// Turns message content, block by block, into what goes on the wire: every line ending — CRLF,
/// a bare LF or a bare CR, as <see cref="StreamReader.ReadLine()"/> counts them — becomes CRLF
/// (RFC 5321 §2.3.8: a bare CR or LF must never be sent), and for DATA a line starting with "."
/// gets another one (RFC 5321 §4.5.2). <see cref="Finish"/> ends an unterminated last line, so
/// the content always ends in CRLF. Notes whether any octet has the high bit set.
/// </summary>
/// <param name="dotStuff">Double leading dots (DATA); not for BDAT, whose chunks are counted, not terminated.</param>
internal sealed class ContentEncoder(bool dotStuff)
{
    private bool _lineStart = true;
    private bool _pendingCarriageReturn;

    /// <summary>An octet above 0x7F has been seen: 8-bit content (RFC 6152).</summary>
    public bool SawEightBit { get; private set; }

    /// <summary>
    /// The most <see cref="Encode"/> can write for <paramref name="inputLength"/> octets: each
    /// octet at most doubles (LF to CRLF, a leading "." to ".."), plus the CRLF of a CR left
    /// pending by the previous block.
    /// </summary>
    public static int MaxOutputLength(int inputLength) => (2 * inputLength) + 2;

    /// <summary>Encodes one block into <paramref name="output"/>; returns the octets written.</summary>
    public int Encode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        var position = 0;
        while (position < input.Length)
        {
            if (_pendingCarriageReturn)
            {
                // A CR ends the line whatever follows; an LF right after it belongs to it.
                _pendingCarriageReturn = false;
                written += NewLine(output[written..]);
                if (input[position] == (byte)'\n')
                {
                    position++;
                    continue;
                }
            }

            if (_lineStart && dotStuff && input[position] == (byte)'.')
            {
                output[written++] = (byte)'.';
            }

            var rest = input[position..];
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            var run = end < 0 ? rest : rest[..end];
            if (!run.IsEmpty)
            {
                SawEightBit |= run.ContainsAnyInRange((byte)0x80, (byte)0xFF);
                run.CopyTo(output[written..]);
                written += run.Length;
                position += run.Length;
                _lineStart = false;
            }

            if (end < 0)
            {
                break;
            }

            if (input[position] == (byte)'\n')
            {
                written += NewLine(output[written..]);
            }
            else
            {
                // Whether an LF follows may only show in the next block.
                _pendingCarriageReturn = true;
            }

            position++;
        }

        return written;
    }

    /// <summary>Ends the content: a CRLF if the last line was not terminated; returns the octets written (0 or 2).</summary>
    public int Finish(Span<byte> output)
    {
        if (!_pendingCarriageReturn && _lineStart)
        {
            return 0;
        }

        _pendingCarriageReturn = false;
        return NewLine(output);
    }

    private int NewLine(Span<byte> output)
    {
        output[0] = (byte)'\r';
        output[1] = (byte)'\n';
        _lineStart = true;
        return 2;
    }
}
