using System.Buffers;
using Posta.Mime.Headers;

namespace Posta.Mime.Encodings;

/// <summary>
/// Forgiving quoted-printable (RFC 2045 §6.7): soft line breaks with or without transport padding,
/// trailing whitespace deleted as rule (3) requires, malformed "=" sequences kept literally, lower-case
/// hex accepted.
/// </summary>
internal sealed class QuotedPrintableDecoder : TransferDecoder
{
    // Whitespace held back in case it turns out to be trailing. A run this long is not transport
    // padding, so it is released rather than buffered without bound.
    private const int MaxHeldWhitespace = 1024;

    private readonly byte[] held = new byte[MaxHeldWhitespace];
    private int heldCount;
    private State state;
    private byte firstHex;

    private enum State
    {
        Text,
        CarriageReturn,
        Equals,
        EqualsHex,
        EqualsWhitespace,
        EqualsCarriageReturn,
    }

    public override void Decode(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        if (input.IsEmpty)
            return;
        var span = output.GetSpan(input.Length + MaxHeldWhitespace + 3);
        var n = 0;
        var i = 0;
        while (i < input.Length)
        {
            var b = input[i];
            switch (state)
            {
                case State.Text:
                    if (b == '=')
                    {
                        n += Release(span[n..]);
                        state = State.Equals;
                    }
                    else if (b is (byte)' ' or (byte)'\t')
                    {
                        if (heldCount == MaxHeldWhitespace)
                            n += Release(span[n..]);
                        held[heldCount++] = b;
                    }
                    else if (b == '\r')
                    {
                        heldCount = 0;
                        state = State.CarriageReturn;
                    }
                    else if (b == '\n')
                    {
                        heldCount = 0;
                        span[n++] = b;
                    }
                    else
                    {
                        n += Release(span[n..]);
                        span[n++] = b;
                    }

                    i++;
                    break;

                case State.CarriageReturn:
                    span[n++] = (byte)'\r';
                    state = State.Text;
                    if (b == '\n')
                    {
                        span[n++] = b;
                        i++;
                    }

                    break;

                case State.Equals:
                    if (ByteClass.IsHex(b))
                    {
                        firstHex = b;
                        state = State.EqualsHex;
                        i++;
                    }
                    else if (b == '\n')
                    {
                        state = State.Text;
                        i++;
                    }
                    else if (b == '\r')
                    {
                        state = State.EqualsCarriageReturn;
                        i++;
                    }
                    else if (b is (byte)' ' or (byte)'\t')
                    {
                        state = State.EqualsWhitespace;
                    }
                    else
                    {
                        span[n++] = (byte)'=';
                        state = State.Text;
                    }

                    break;

                case State.EqualsHex:
                    if (ByteClass.IsHex(b))
                    {
                        span[n++] = (byte)((ByteClass.HexValue(firstHex) << 4) | ByteClass.HexValue(b));
                        i++;
                    }
                    else
                    {
                        span[n++] = (byte)'=';
                        span[n++] = firstHex;
                    }

                    state = State.Text;
                    break;

                case State.EqualsWhitespace:
                    if (b is (byte)' ' or (byte)'\t')
                    {
                        if (heldCount == MaxHeldWhitespace)
                        {
                            span[n++] = (byte)'=';
                            n += Release(span[n..]);
                            state = State.Text;
                            break;
                        }

                        held[heldCount++] = b;
                        i++;
                    }
                    else if (b is (byte)'\r' or (byte)'\n')
                    {
                        // "=" plus transport padding before the line break: still a soft break.
                        heldCount = 0;
                        state = State.Equals;
                    }
                    else
                    {
                        span[n++] = (byte)'=';
                        n += Release(span[n..]);
                        state = State.Text;
                    }

                    break;

                case State.EqualsCarriageReturn:
                    state = State.Text;
                    if (b == '\n')
                        i++;
                    break;
            }
        }

        output.Advance(n);
    }

    public override void Flush(IBufferWriter<byte> output)
    {
        var span = output.GetSpan(4);
        var n = 0;
        switch (state)
        {
            case State.CarriageReturn:
                span[n++] = (byte)'\r';
                break;
            case State.EqualsHex:
                span[n++] = (byte)'=';
                span[n++] = firstHex;
                break;
        }

        // Whitespace at the very end is trailing whitespace of the last line.
        heldCount = 0;
        state = State.Text;
        output.Advance(n);
    }

    private int Release(Span<byte> destination)
    {
        var count = heldCount;
        held.AsSpan(0, count).CopyTo(destination);
        heldCount = 0;
        return count;
    }
}
