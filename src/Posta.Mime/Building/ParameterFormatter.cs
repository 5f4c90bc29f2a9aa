using System.Text;
using Posta.Mime.Headers;

namespace Posta.Mime.Building;

/// <summary>Writes MIME parameters: a token when possible, a quoted string for ASCII, RFC 2231 otherwise.</summary>
internal static class ParameterFormatter
{
    // Keeps each RFC 2231 section on a line of its own within 78 columns.
    private const int MaxSection = 60;

    public static IEnumerable<string> Format(string name, string value)
    {
        if (Ascii.IsValid(value) && !value.Any(char.IsControl) && value.Length <= MaxSection)
        {
            if (value.Length > 0 && value.All(c => ByteClass.IsToken((byte)c)))
            {
                yield return $"{name}={value}";
                yield break;
            }

            yield return $"{name}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
            yield break;
        }

        // RFC 2231 §3 and §4: utf-8'' then percent-encoded octets, split into numbered sections.
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b < 0x80 && ByteClass.IsToken(b) && b is not ((byte)'*' or (byte)'\'' or (byte)'%'))
                encoded.Append((char)b);
            else
                encoded.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
        }

        var text = encoded.ToString();
        if (name.Length + text.Length + 9 <= HeaderFormatter.LineLength - 2)
        {
            yield return $"{name}*=utf-8''{text}";
            yield break;
        }

        var section = 0;
        var start = 0;
        while (start < text.Length)
        {
            var prefix = section == 0 ? "utf-8''" : string.Empty;
            var head = $"{name}*{section}*={prefix}";
            // One section per folded line: a leading space, the section, and the ';' after it.
            var length = Math.Min(Math.Max(HeaderFormatter.LineLength - 2 - head.Length, 12), text.Length - start);
            // Never cut a %XX escape.
            if (start + length < text.Length)
            {
                var percent = text.LastIndexOf('%', start + length - 1, Math.Min(length, 3));
                if (percent >= 0 && percent + 3 > start + length)
                    length = percent - start;
            }

            yield return head + text.Substring(start, length);
            start += length;
            section++;
        }
    }
}
