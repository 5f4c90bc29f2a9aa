using System.Buffers;

namespace Posta.Mime.Encodings;

/// <summary>
/// Forgiving base64 (RFC 2045 §6.8): characters outside the alphabet are ignored, missing padding is
/// tolerated, and a completed padding sequence ends the data ("the occurrence of any '=' characters
/// may be taken as evidence that the end of the data has been reached").
/// </summary>
internal sealed class Base64Decoder : TransferDecoder
{
    private static readonly sbyte[] Alphabet = BuildAlphabet();

    private int quad;
    private int quadLength;
    private int pads;
    private bool finished;

    private static sbyte[] BuildAlphabet()
    {
        var table = new sbyte[256];
        Array.Fill(table, (sbyte)-1);
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < chars.Length; i++)
            table[chars[i]] = (sbyte)i;
        return table;
    }

    public override void Decode(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        if (finished || input.IsEmpty)
            return;
        var span = output.GetSpan((input.Length / 4 * 3) + 3);
        var written = 0;
        foreach (var b in input)
        {
            var value = Alphabet[b];
            if (value < 0)
            {
                if (b == '=')
                {
                    pads++;
                    if (quadLength >= 2 && quadLength + pads >= 4)
                    {
                        written += EmitPartial(span[written..]);
                        finished = true;
                        break;
                    }
                }

                continue;
            }

            pads = 0;
            quad = (quad << 6) | (byte)value;
            if (++quadLength == 4)
            {
                span[written] = (byte)(quad >> 16);
                span[written + 1] = (byte)(quad >> 8);
                span[written + 2] = (byte)quad;
                written += 3;
                quad = 0;
                quadLength = 0;
            }
        }

        output.Advance(written);
    }

    public override void Flush(IBufferWriter<byte> output)
    {
        if (finished)
            return;
        var span = output.GetSpan(3);
        output.Advance(EmitPartial(span));
        finished = true;
    }

    // A quantum of two or three characters still carries one or two whole bytes; a single
    // dangling character carries none.
    private int EmitPartial(Span<byte> span)
    {
        var count = 0;
        if (quadLength == 2)
        {
            span[0] = (byte)(quad >> 4);
            count = 1;
        }
        else if (quadLength == 3)
        {
            span[0] = (byte)(quad >> 10);
            span[1] = (byte)(quad >> 2);
            count = 2;
        }

        quad = 0;
        quadLength = 0;
        return count;
    }
}
