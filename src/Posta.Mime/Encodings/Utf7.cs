using System.Text;

namespace Posta.Mime.Encodings;

/// <summary>RFC 2152 UTF-7 decoding, which .NET no longer provides.</summary>
internal static class Utf7
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b != '+')
            {
                text.Append(b < 0x80 ? (char)b : '\uFFFD');
                i++;
                continue;
            }

            i++;
            if (i < bytes.Length && bytes[i] == '-')
            {
                text.Append('+');
                i++;
                continue;
            }

            // Modified base64 run: 16-bit units, bits accumulated most significant first.
            var buffer = 0;
            var bits = 0;
            while (i < bytes.Length)
            {
                var value = Base64Value(bytes[i]);
                if (value < 0)
                    break;
                buffer = (buffer << 6) | value;
                bits += 6;
                if (bits >= 16)
                {
                    bits -= 16;
                    text.Append((char)((buffer >> bits) & 0xFFFF));
                }

                i++;
            }

            // RFC 2152: a '-' directly after the run is absorbed.
            if (i < bytes.Length && bytes[i] == '-')
                i++;
        }

        return text.ToString();
    }

    private static int Base64Value(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };
}
