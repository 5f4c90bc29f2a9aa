using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;

namespace Posta.Mime.Encodings;

/// <summary>
/// Maps MIME charset names (RFC 2978, as mail software actually writes them) to decoders. Legacy code
/// pages come from the .NET code-pages provider; UTF-7 is decoded here because .NET no longer ships it.
/// </summary>
public static class Charsets
{
    // Attacker-chosen charset names must not grow the cache without bound.
    private const int MaxCachedNames = 512;

    private static readonly ConcurrentDictionary<string, Encoding?> Cache = new(StringComparer.Ordinal);
    private static readonly Encoding Windows1252;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    static Charsets()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    /// <summary>
    /// Returns the encoding for a MIME charset name, or <see langword="null"/> when the name is unknown,
    /// means "no real charset" (us-ascii, unknown-8bit) or is UTF-7 (see <see cref="Decode"/>).
    /// Decoders substitute U+FFFD for invalid input.
    /// </summary>
    public static Encoding? GetEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        var key = Normalize(charset);
        if (Cache.TryGetValue(key, out var cached))
            return cached;
        var encoding = Lookup(key);
        if (Cache.Count < MaxCachedNames)
            Cache.TryAdd(key, encoding);
        return encoding;
    }

    /// <summary>
    /// Decodes text in the given charset. When the charset is missing, unknown or us-ascii, bytes that
    /// form valid UTF-8 are read as UTF-8 (RFC 6532) and anything else as windows-1252.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        if (bytes.IsEmpty)
            return string.Empty;
        if (charset is not null && IsUtf7(charset))
            return Utf7.Decode(bytes);
        var encoding = GetEncoding(charset);
        return encoding is null ? DecodeUnlabelled(bytes) : encoding.GetString(bytes);
    }

    /// <summary>Decodes bytes whose charset nobody declared: UTF-8 when valid, otherwise windows-1252.</summary>
    public static string DecodeUnlabelled(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Ascii.IsValid(bytes))
            return Encoding.ASCII.GetString(bytes);
        return Utf8.IsValid(bytes) ? StrictUtf8.GetString(bytes) : Windows1252.GetString(bytes);
    }

    /// <summary>True when the charset is known, us-ascii or UTF-7: text in it decodes faithfully.</summary>
    public static bool IsKnown(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return false;
        if (IsUtf7(charset) || IsAsciiName(Normalize(charset)))
            return true;
        return GetEncoding(charset) is not null;
    }

    private static bool IsUtf7(string charset)
    {
        var key = Normalize(charset);
        return key is "utf-7" or "utf7" or "unicode-1-1-utf-7" or "csunicode11utf7" or "x-unicode-2-0-utf-7";
    }

    private static bool IsAsciiName(string key) =>
        key is "us-ascii" or "ascii" or "ansi_x3.4-1968" or "iso646-us" or "us" or "646" or "csascii" or "iso-ir-6";

    internal static string Normalize(string charset)
    {
        var span = charset.AsSpan().Trim().Trim('"').Trim();
        // RFC 2231 §5 allows a language suffix on encoded-word charsets: "utf-8*en".
        var star = span.IndexOf('*');
        if (star >= 0)
            span = span[..star];
        return span.ToString().ToLowerInvariant();
    }

    private static Encoding? Lookup(string key)
    {
        if (IsAsciiName(key) || key is "unknown-8bit" or "unknown" or "x-unknown" or "default" or "8bit" or "x-user-defined" or "binary")
            return null;

        var name = Alias(key);
        try
        {
            return name is int codePage
                ? Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"))
                : Encoding.GetEncoding((string)name, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    // Returns a code page number or a name .NET understands.
    private static object Alias(string key)
    {
        switch (key)
        {
            case "utf8" or "unicode-1-1-utf-8" or "x-utf-8":
                return "utf-8";
            case "latin1" or "latin-1" or "l1" or "iso-ir-100" or "cp819" or "ibm819":
                return "iso-8859-1";
            case "mac" or "macroman" or "x-mac-roman" or "mac-roman":
                return "macintosh";
            // GB 2312 text is routinely GBK; GB 18030 decodes both.
            case "gb2312" or "gbk" or "x-gbk" or "cp936" or "euc-cn" or "x-euc-cn" or "csgb2312" or "chinese" or "gb_2312-80":
                return 54936;
            // KS C 5601 / EUC-KR text is routinely UHC (code page 949), a superset.
            case "ks_c_5601-1987" or "ks_c_5601" or "ks_c_5601-1989" or "euc-kr" or "cp949" or "x-windows-949" or "korean" or "csksc56011987":
                return 949;
            case "sjis" or "x-sjis" or "shift-jis" or "ms_kanji" or "cp932" or "windows-31j" or "x-ms-cp932" or "csshiftjis":
                return 932;
            case "big5-hkscs" or "x-x-big5" or "cp950":
                return 950;
            case "tis-620" or "iso-8859-11":
                return 874;
            case "ucs-2" or "utf-16le" or "unicode":
                return "utf-16";
        }

        var span = key.AsSpan();
        if (span.StartsWith("iso") && !span.StartsWith("iso-2022"))
        {
            // iso8859-1, iso_8859-1, iso-8859-1:1987, iso 8859 1 …
            var digits = span[3..].TrimStart("-_ ");
            if (digits.StartsWith("8859"))
            {
                var part = digits[4..].TrimStart("-_ ");
                var end = 0;
                while (end < part.Length && char.IsAsciiDigit(part[end]))
                    end++;
                if (end > 0)
                    return "iso-8859-" + part[..end].ToString();
            }
        }

        foreach (var prefix in (ReadOnlySpan<string>)["windows-", "windows", "win-", "win", "cp-", "cp", "x-cp", "ms-", "ibm-", "ibm"])
        {
            if (span.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(span[prefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                return number;
        }

        return key;
    }
}
