using System.Text;
using System.Text.Unicode;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>
/// RFC 3461 §4 xtext, the encoding of ENVID, ORCPT, AUTH= and XCLIENT values:
/// <c>xtext = *( xchar / hexchar )</c>, where <c>xchar</c> is "!" to "~" except "+" and "=", and
/// <c>hexchar</c> is "+" and two upper-case hexadecimal digits.
/// </summary>
public static class Xtext
{
    /// <summary>
    /// Decodes xtext into UTF-8 text. Lower-case hexadecimal digits are accepted (senders get the
    /// case wrong); anything else outside the grammar, or decoded octets that are not UTF-8, fail.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> text, out string value)
    {
        value = string.Empty;
        Span<byte> decoded = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'+')
            {
                if (i + 2 >= text.Length || !SmtpCharacters.IsHexDigit(text[i + 1]) || !SmtpCharacters.IsHexDigit(text[i + 2]))
                {
                    return false;
                }

                decoded[length++] = (byte)((SmtpCharacters.HexValue(text[i + 1]) << 4) | SmtpCharacters.HexValue(text[i + 2]));
                i += 2;
            }
            else if (SmtpCharacters.IsXchar(b))
            {
                decoded[length++] = b;
            }
            else
            {
                return false;
            }
        }

        if (!Utf8.IsValid(decoded[..length]))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(decoded[..length]);
        return true;
    }

    /// <summary>Encodes <paramref name="value"/> (as UTF-8) into xtext, for the SMTP client.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (SmtpCharacters.IsXchar(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('+').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return builder.ToString();
    }
}
