namespace Posta.Directory.Passwords;

/// <summary>
/// bcrypt's own base64: standard bit order (most significant first) and no padding, but the
/// alphabet ./A-Za-z0-9. Decoding insists unused trailing bits are zero, since crypt_blowfish writes
/// them so and a stored hash with anything else could never have matched in Dovecot.
/// </summary>
internal static class BcryptBase64
{
    internal const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    internal static int EncodedLength(int bytes) => ((bytes * 8) + 5) / 6;

    internal static void Encode(ReadOnlySpan<byte> data, Span<char> destination)
    {
        int bits = 0, pending = 0, d = 0;
        foreach (var b in data)
        {
            pending = (pending << 8) | b;
            bits += 8;
            while (bits >= 6)
            {
                bits -= 6;
                destination[d++] = Alphabet[(pending >> bits) & 0x3f];
            }
        }

        if (bits > 0)
            destination[d] = Alphabet[(pending << (6 - bits)) & 0x3f];
    }

    internal static bool TryDecode(ReadOnlySpan<char> text, Span<byte> data)
    {
        if (text.Length != EncodedLength(data.Length))
            return false;

        int bits = 0, pending = 0, d = 0;
        foreach (var c in text)
        {
            var v = ValueOf(c);
            if (v < 0)
                return false;
            pending = ((pending << 6) | v) & 0xfff;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                if (d < data.Length)
                    data[d++] = (byte)(pending >> bits);
            }
        }

        // The leftover bits of the last character are padding and must be zero.
        return (pending & ((1 << bits) - 1)) == 0;
    }

    internal static int ValueOf(char c) => c switch
    {
        '.' => 0,
        '/' => 1,
        >= 'A' and <= 'Z' => c - 'A' + 2,
        >= 'a' and <= 'z' => c - 'a' + 28,
        >= '0' and <= '9' => c - '0' + 54,
        _ => -1,
    };
}
