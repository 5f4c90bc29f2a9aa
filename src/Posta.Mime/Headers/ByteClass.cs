namespace Posta.Mime.Headers;

/// <summary>Character classes of RFC 5322 and RFC 2045 as table look-ups over bytes.</summary>
internal static class ByteClass
{
    private const byte Wsp = 1;
    private const byte Atext = 2;
    private const byte Token = 4;
    private const byte Ftext = 8;
    private const byte Hex = 16;

    private static readonly byte[] Table = Build();

    private static byte[] Build()
    {
        var table = new byte[256];
        table[' '] |= Wsp;
        table['\t'] |= Wsp;
        for (var c = 33; c <= 126; c++)
        {
            // RFC 5322 §3.6.8: ftext = %d33-57 / %d59-126
            if (c != ':')
                table[c] |= Ftext;
            // RFC 2045 §5.1: token = 1*<any (US-ASCII) CHAR except SPACE, CTLs, or tspecials>
            if (!"()<>@,;:\\\"/[]?=".Contains((char)c, StringComparison.Ordinal))
                table[c] |= Token;
            // RFC 5322 §3.2.3: atext
            if (char.IsAsciiLetterOrDigit((char)c) || "!#$%&'*+-/=?^_`{|}~".Contains((char)c, StringComparison.Ordinal))
                table[c] |= Atext;
            if (char.IsAsciiHexDigit((char)c))
                table[c] |= Hex;
        }

        // RFC 6532 §3.2: UTF8-non-ascii is allowed wherever atext is; 8-bit bytes in tokens are forgiven.
        for (var c = 128; c < 256; c++)
            table[c] |= Atext | Token;
        return table;
    }

    public static bool IsWsp(byte b) => (Table[b] & Wsp) != 0;

    public static bool IsAtext(byte b) => (Table[b] & Atext) != 0;

    public static bool IsToken(byte b) => (Table[b] & Token) != 0;

    public static bool IsFtext(byte b) => (Table[b] & Ftext) != 0;

    public static bool IsHex(byte b) => (Table[b] & Hex) != 0;

    public static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>Whitespace as it appears in unfolded or still-folded header values.</summary>
    public static bool IsFws(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
