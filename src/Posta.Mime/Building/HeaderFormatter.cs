using System.Text;
using Posta.Mime.Addresses;
using Posta.Mime.Headers;

namespace Posta.Mime.Building;

/// <summary>
/// Writes header fields: folded at whitespace to stay within 78 columns where possible (RFC 5322 §2.1.1),
/// RFC 2047 encoded words only where a value is not plain ASCII (or would be misread as an encoded word),
/// phrases quoted only where their characters require it.
/// </summary>
internal static class HeaderFormatter
{
    // RFC 5322 §2.1.1: lines SHOULD be at most 78 characters; RFC 2047 §2: an encoded word at most 75.
    public const int LineLength = 78;
    private const int MaxEncodedWord = 75;

    /// <summary>A field with an unstructured value (Subject, Comments, X-…): non-ASCII words become encoded words.</summary>
    public static string Unstructured(string name, string value, string newLine) => Fold(name, EncodeUnstructured(value), newLine);

    /// <summary>A field whose value is already in wire form (ASCII, structured): only folded.</summary>
    public static string Raw(string name, string value, string newLine) => Fold(name, Tokenize(value), newLine);

    /// <summary>An address-list field.</summary>
    public static string Addresses(string name, IEnumerable<MailboxAddress> addresses, string newLine)
    {
        var tokens = new List<string>();
        var first = true;
        foreach (var address in addresses)
        {
            if (!first)
                tokens[^1] += ",";
            first = false;
            if (address.DisplayName.Length > 0)
                tokens.AddRange(EncodePhrase(address.DisplayName));
            var spec = address.HasDomain ? MailboxAddress.QuoteLocalPart(address.LocalPart) + "@" + (address.AsciiDomain ?? address.Domain) : address.Address;
            tokens.Add(address.DisplayName.Length > 0 ? "<" + spec + ">" : spec);
        }

        return Fold(name, tokens, newLine);
    }

    /// <summary>Words of a display name: atoms as they are, a quoted string when specials need it, encoded words for non-ASCII.</summary>
    public static IEnumerable<string> EncodePhrase(string phrase)
    {
        if (!IsAscii(phrase) || phrase.Contains("=?", StringComparison.Ordinal))
            return EncodeWords(phrase, phraseSafe: true);
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.All(w => w.All(c => c < 0x80 && ByteClass.IsAtext((byte)c))))
            return words;
        var quoted = new StringBuilder("\"");
        foreach (var c in phrase)
        {
            if (c is '"' or '\\')
                quoted.Append('\\');
            quoted.Append(c);
        }

        return Tokenize(quoted.Append('"').ToString());
    }

    private static List<string> EncodeUnstructured(string value)
    {
        value = value.ReplaceLineEndings(" ");
        var words = value.Split(' ');
        var tokens = new List<string>();
        var pending = new List<string>();
        foreach (var word in words)
        {
            // An empty word stands for one more space of a run: kept, inside an encoded run or out.
            if (word.Length == 0 && pending.Count == 0)
            {
                tokens.Add(word);
                continue;
            }

            if (word.Length == 0 || NeedsEncoding(word))
            {
                pending.Add(word);
                continue;
            }

            // Encoded words that follow each other carry the spaces between them inside (RFC 2047 §6.2 drops them).
            Flush(pending, tokens);
            tokens.Add(word);
        }

        Flush(pending, tokens);
        return tokens;

        static void Flush(List<string> pending, List<string> tokens)
        {
            if (pending.Count == 0)
                return;
            tokens.AddRange(EncodeWords(string.Join(' ', pending), phraseSafe: false));
            pending.Clear();
        }
    }

    private static bool NeedsEncoding(string word) =>
        !IsAscii(word) || word.Contains("=?", StringComparison.Ordinal) || word.Any(char.IsControl) || word.Length > 900;

    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    /// <summary>Encodes text as UTF-8 encoded words of at most 75 characters, never splitting a character.</summary>
    public static List<string> EncodeWords(string text, bool phraseSafe)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var escaped = bytes.Count(b => b != ' ' && !QSafe(b, phraseSafe));
        // Q keeps mostly-ASCII text readable; past a third of escaped octets B is much shorter.
        var useB = escaped * 3 > bytes.Length;
        var prefix = useB ? "=?utf-8?b?" : "=?utf-8?q?";
        var budget = MaxEncodedWord - prefix.Length - 2;
        var words = new List<string>();
        var chunk = new List<byte>();
        var chunkLength = 0;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var count = rune.EncodeToUtf8(utf8);
            var piece = utf8[..count];
            var encodedLength = useB ? ((chunk.Count + count + 2) / 3 * 4) : chunkLength + QLength(piece, phraseSafe);
            if (chunk.Count > 0 && encodedLength > budget)
            {
                words.Add(prefix + Encode(chunk, useB, phraseSafe) + "?=");
                chunk.Clear();
                chunkLength = 0;
            }

            chunk.AddRange(piece);
            chunkLength += QLength(piece, phraseSafe);
        }

        if (chunk.Count > 0 || words.Count == 0)
            words.Add(prefix + Encode(chunk, useB, phraseSafe) + "?=");
        return words;
    }

    private static int QLength(ReadOnlySpan<byte> bytes, bool phraseSafe)
    {
        var length = 0;
        foreach (var b in bytes)
            length += QSafe(b, phraseSafe) || b == ' ' ? 1 : 3;
        return length;
    }

    // RFC 2047 §5(3) restricts a phrase's Q text to letters, digits and "!*+-/=_"; in text (§5(1)) any
    // printable ASCII but "=", "?", "_" and space may stand for itself.
    private static bool QSafe(byte b, bool phraseSafe) =>
        phraseSafe
            ? char.IsAsciiLetterOrDigit((char)b) || b is (byte)'!' or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'/'
            : b is > 32 and < 127 and not ((byte)'=' or (byte)'?' or (byte)'_');

    private static string Encode(List<byte> bytes, bool useB, bool phraseSafe)
    {
        if (useB)
            return Convert.ToBase64String(bytes.ToArray());
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b == ' ')
                text.Append('_');
            else if (QSafe(b, phraseSafe))
                text.Append((char)b);
            else
                text.Append('=').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
        }

        return text.ToString();
    }

    private static List<string> Tokenize(string value) =>
        [.. value.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>"Name: tokens", folding before a token that would pass column 78.</summary>
    private static string Fold(string name, List<string> tokens, string newLine)
    {
        var field = new StringBuilder(name).Append(':');
        var column = field.Length;
        foreach (var token in tokens)
        {
            if (token.Length > 0 && column + 1 + token.Length > LineLength && column > name.Length + 1)
            {
                field.Append(newLine);
                column = 0;
            }

            field.Append(' ').Append(token);
            column += 1 + token.Length;
        }

        return field.Append(newLine).ToString();
    }
}
