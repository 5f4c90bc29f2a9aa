using System.Buffers;
using System.Text;
using Posta.Mime.Headers;

namespace Posta.Mime.Encodings;

/// <summary>
/// RFC 2047 encoded-word decoding for unstructured text and phrases, forgiving the usual violations:
/// encoded words glued to text or inside quoted strings, whitespace inside encoded words, multibyte
/// characters split across adjacent encoded words (their bytes are joined before charset decoding),
/// raw 8-bit text (read as UTF-8 per RFC 6532, else windows-1252), unknown charsets.
/// </summary>
public static class EncodedWords
{
    /// <summary>Decodes an unstructured header value (RFC 5322 §3.2.5): unfolds, trims, decodes encoded words.</summary>
    public static string DecodeUnstructured(ReadOnlySpan<byte> value)
    {
        value = TrimFws(value);
        if (value.IsEmpty)
            return string.Empty;

        var folded = value.IndexOfAny((byte)'\r', (byte)'\n') >= 0;
        if (!folded && value.IndexOf("=?"u8) < 0)
            return Charsets.DecodeUnlabelled(value);

        byte[]? rented = null;
        if (folded)
        {
            rented = ArrayPool<byte>.Shared.Rent(value.Length);
            var n = 0;
            foreach (var b in value)
            {
                if (b is not ((byte)'\r' or (byte)'\n'))
                    rented[n++] = b;
            }

            value = rented.AsSpan(0, n);
        }

        try
        {
            return Decode(value);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>True when the text contains something that parses as an encoded word.</summary>
    public static bool ContainsEncodedWord(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (true)
        {
            var at = value[start..].IndexOf("=?"u8);
            if (at < 0)
                return false;
            if (TryParse(value[(start + at)..], out _, out _, out _, out _))
                return true;
            start += at + 2;
        }
    }

    private static string Decode(ReadOnlySpan<byte> value)
    {
        var text = new StringBuilder(value.Length);
        var pending = new ArrayBufferWriter<byte>();
        string? pendingCharset = null;
        var lastWasWord = false;
        // No encoded word can start past the last "?=": checking that first keeps hostile input linear.
        var lastClose = value.LastIndexOf("?="u8);
        var i = 0;
        while (i < value.Length)
        {
            var b = value[i];
            if (ByteClass.IsWsp(b))
            {
                var end = i + 1;
                while (end < value.Length && ByteClass.IsWsp(value[end]))
                    end++;
                // RFC 2047 §6.2: whitespace between adjacent encoded words is not displayed.
                if (lastWasWord && end < lastClose && TryParse(value[end..], out _, out _, out _, out _))
                {
                    i = end;
                    continue;
                }

                Flush(text, pending, ref pendingCharset);
                AppendRaw(text, value[i..end]);
                lastWasWord = false;
                i = end;
                continue;
            }

            if (b == '=' && i < lastClose && TryParse(value[i..], out var consumed, out var charset, out var isBase64, out var encoded))
            {
                var charsetName = Encoding.ASCII.GetString(charset);
                if (pendingCharset is null || !string.Equals(pendingCharset, charsetName, StringComparison.OrdinalIgnoreCase))
                {
                    Flush(text, pending, ref pendingCharset);
                    pendingCharset = charsetName;
                }

                DecodePayload(encoded, isBase64, pending);
                lastWasWord = true;
                i += consumed;
                continue;
            }

            // Plain text up to whitespace or the start of an encoded word glued to it.
            var stop = i + 1;
            while (stop < value.Length && !ByteClass.IsWsp(value[stop]))
            {
                if (value[stop] == '=' && stop < lastClose && value[stop + 1] == '?' && TryParse(value[stop..], out _, out _, out _, out _))
                    break;
                stop++;
            }

            Flush(text, pending, ref pendingCharset);
            AppendRaw(text, value[i..stop]);
            lastWasWord = false;
            i = stop;
        }

        Flush(text, pending, ref pendingCharset);
        return text.ToString();
    }

    private static void AppendRaw(StringBuilder text, ReadOnlySpan<byte> raw) => text.Append(Charsets.DecodeUnlabelled(raw));

    private static void Flush(StringBuilder text, ArrayBufferWriter<byte> pending, ref string? charset)
    {
        if (charset is null)
            return;
        text.Append(Charsets.Decode(pending.WrittenSpan, charset));
        pending.Clear();
        charset = null;
    }

    internal static void DecodePayload(ReadOnlySpan<byte> encoded, bool isBase64, IBufferWriter<byte> output)
    {
        if (isBase64)
        {
            var decoder = new Base64Decoder();
            decoder.Decode(encoded, output);
            decoder.Flush(output);
            return;
        }

        // RFC 2047 §4.2: "Q" is quoted-printable with "_" for space.
        var span = output.GetSpan(encoded.Length);
        var n = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '_')
            {
                span[n++] = (byte)' ';
            }
            else if (b == '=' && i + 2 < encoded.Length && ByteClass.IsHex(encoded[i + 1]) && ByteClass.IsHex(encoded[i + 2]))
            {
                span[n++] = (byte)((ByteClass.HexValue(encoded[i + 1]) << 4) | ByteClass.HexValue(encoded[i + 2]));
                i += 2;
            }
            else
            {
                span[n++] = b;
            }
        }

        output.Advance(n);
    }

    /// <summary>Parses "=?charset?B|Q?text?=" at the start of <paramref name="s"/>.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> s, out int consumed, out ReadOnlySpan<byte> charset, out bool isBase64, out ReadOnlySpan<byte> encoded)
    {
        consumed = 0;
        charset = default;
        isBase64 = false;
        encoded = default;
        if (s.Length < 8 || s[0] != '=' || s[1] != '?')
            return false;

        var i = 2;
        while (i < s.Length && s[i] != '?')
        {
            if (ByteClass.IsFws(s[i]) || (s[i] == (byte)'=' && i + 1 < s.Length && s[i + 1] == (byte)'?'))
                return false;
            i++;
        }

        if (i == 2 || i + 3 > s.Length || s[i + 2] != '?')
            return false;
        var encoding = (byte)(s[i + 1] | 0x20);
        if (encoding is not ((byte)'b' or (byte)'q'))
            return false;
        charset = s[2..i];
        // RFC 2231 §5: "charset*language".
        var star = charset.IndexOf((byte)'*');
        if (star >= 0)
            charset = charset[..star];
        if (charset.IsEmpty)
            return false;

        var textStart = i + 3;
        var end = s[textStart..].IndexOf("?="u8);
        if (end < 0)
            return false;
        encoded = s.Slice(textStart, end);
        isBase64 = encoding == 'b';
        consumed = textStart + end + 2;
        return true;
    }

    internal static ReadOnlySpan<byte> TrimFws(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && ByteClass.IsFws(value[start]))
            start++;
        var end = value.Length;
        while (end > start && ByteClass.IsFws(value[end - 1]))
            end--;
        return value[start..end];
    }
}
