namespace Posta.Directory.Passwords;

/// <summary>
/// The "hash64" text of crypt(3) digests (MD5-crypt, SHA-crypt): alphabet ./0-9A-Za-z, six bits per
/// character, least significant bits first, over groups of three digest bytes picked in an
/// algorithm-specific order.
/// </summary>
/// <remarks>
/// A layout is a list of groups of four: the digest indices that supply bits 16-23, 8-15 and 0-7
/// (-1 for a zero byte) and the number of characters the group writes. A short last group leaves
/// high bits unused; decoding insists they are zero, because crypt(3) never writes anything else
/// and Dovecot compares whole strings, so a non-canonical text could never have matched there.
/// </remarks>
internal static class CryptBase64
{
    internal const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    internal static int EncodedLength(ReadOnlySpan<sbyte> layout)
    {
        var length = 0;
        for (var g = 0; g < layout.Length; g += 4)
            length += layout[g + 3];
        return length;
    }

    internal static void Encode(ReadOnlySpan<byte> digest, ReadOnlySpan<sbyte> layout, Span<char> destination)
    {
        var d = 0;
        for (var g = 0; g < layout.Length; g += 4)
        {
            var w = (ByteAt(digest, layout[g]) << 16) | (ByteAt(digest, layout[g + 1]) << 8) | ByteAt(digest, layout[g + 2]);
            for (var n = layout[g + 3]; n > 0; n--)
            {
                destination[d++] = Alphabet[w & 0x3f];
                w >>= 6;
            }
        }
    }

    /// <summary>Decodes exactly <see cref="EncodedLength"/> characters; false on a foreign character or non-zero unused bits.</summary>
    internal static bool TryDecode(ReadOnlySpan<char> text, ReadOnlySpan<sbyte> layout, Span<byte> digest)
    {
        if (text.Length != EncodedLength(layout))
            return false;

        var t = 0;
        for (var g = 0; g < layout.Length; g += 4)
        {
            int chars = layout[g + 3];
            var w = 0;
            for (var n = 0; n < chars; n++)
            {
                var v = ValueOf(text[t++]);
                if (v < 0)
                    return false;
                w |= v << (6 * n);
            }

            // Bits above the last byte the group really carries must be zero (see remarks).
            var carried = layout[g] >= 0 ? 24 : layout[g + 1] >= 0 ? 16 : 8;
            if (w >> carried != 0)
                return false;

            if (layout[g] >= 0)
                digest[layout[g]] = (byte)(w >> 16);
            if (layout[g + 1] >= 0)
                digest[layout[g + 1]] = (byte)(w >> 8);
            digest[layout[g + 2]] = (byte)w;
        }

        return true;
    }

    internal static int ValueOf(char c) => c switch
    {
        '.' => 0,
        '/' => 1,
        >= '0' and <= '9' => c - '0' + 2,
        >= 'A' and <= 'Z' => c - 'A' + 12,
        >= 'a' and <= 'z' => c - 'a' + 38,
        _ => -1,
    };

    private static int ByteAt(ReadOnlySpan<byte> digest, sbyte index) => index < 0 ? 0 : digest[index];
}
