using System.Buffers;

namespace Posta.Mime.Encodings;

/// <summary>
/// uuencode as old mailers put it in bodies labelled x-uuencode: data lines between a
/// "begin MODE NAME" line and an "end" line. Lines are decoded as they complete.
/// </summary>
internal sealed class UUDecoder : TransferDecoder
{
    // A uuencoded line holds at most 63 data bytes, 86 characters; longer lines are cut.
    private const int MaxLine = 1024;

    private readonly byte[] line = new byte[MaxLine];
    private int lineLength;
    private bool begun;
    private bool ended;

    public override void Decode(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty && !ended)
        {
            var lf = input.IndexOf((byte)'\n');
            var chunk = lf < 0 ? input : input[..lf];
            var take = Math.Min(chunk.Length, MaxLine - lineLength);
            chunk[..take].CopyTo(line.AsSpan(lineLength));
            lineLength += take;
            if (lf < 0)
                return;
            ProcessLine(output);
            input = input[(lf + 1)..];
        }
    }

    public override void Flush(IBufferWriter<byte> output)
    {
        if (lineLength > 0 && !ended)
            ProcessLine(output);
    }

    private void ProcessLine(IBufferWriter<byte> output)
    {
        var text = line.AsSpan(0, lineLength).TrimEnd("\r"u8);
        lineLength = 0;
        if (!begun)
        {
            if (text.StartsWith("begin "u8))
            {
                var rest = text[6..];
                var space = rest.IndexOf((byte)' ');
                var mode = space < 0 ? rest : rest[..space];
                begun = !mode.IsEmpty && !mode.ContainsAnyExceptInRange((byte)'0', (byte)'7');
            }

            return;
        }

        if (text.Trim(" \t"u8).SequenceEqual("end"u8) || text.IsEmpty)
        {
            ended = true;
            return;
        }

        var count = (text[0] - 32) & 63;
        if (count == 0)
            return;
        var span = output.GetSpan(count + 3);
        var written = 0;
        for (var i = 1; written < count; i += 4)
        {
            var a = Sextet(text, i);
            var b = Sextet(text, i + 1);
            var c = Sextet(text, i + 2);
            var d = Sextet(text, i + 3);
            var triple = (a << 18) | (b << 12) | (c << 6) | d;
            for (var k = 0; k < 3 && written < count; k++)
                span[written++] = (byte)(triple >> (16 - (8 * k)));
        }

        output.Advance(written);
    }

    // Characters past the end of a short line count as zero bits, as lenient decoders do.
    private static int Sextet(ReadOnlySpan<byte> text, int index) => index < text.Length ? (text[index] - 32) & 63 : 0;
}
