using System.Diagnostics.CodeAnalysis;

namespace Posta.Sasl;

/// <summary>Base64 (RFC 4648 §4) as SCRAM and Dovecot write it: padded, no white space, nothing else.</summary>
internal static class StrictBase64
{
    private static readonly System.Buffers.SearchValues<char> Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        // Convert would skip white space; the grammar has none.
        if (text.Length % 4 != 0 || text.ContainsAnyExcept(Alphabet))
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
