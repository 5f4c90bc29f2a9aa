using System.Globalization;
using System.Text;

namespace Posta.Mime.Tests.Differential;

/// <summary>The generated corpus: deterministic messages that stress nesting, header size, 8-bit and charsets.</summary>
internal static class Messages
{
    // Characters from many scripts; each charset keeps those it can encode.
    private const string Sample = "Grüße, façade, naïve; Ελληνικά, Русский, Українська, עברית, العربية, ไทย, 日本語のテキスト, 简体中文, 繁體中文, 한국어, Tiếng Việt, Čeština, Polski: zażółć, Türkçe ğış, Eesti õ";

    // Charsets both .NET (with the code-pages provider) and Python's codecs know.
    private static readonly string[] CharsetNames =
    [
        "utf-8", "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
        "iso-8859-8", "iso-8859-9", "iso-8859-13", "iso-8859-15", "windows-1250", "windows-1251", "windows-1252",
        "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "koi8-r",
        "koi8-u", "iso-2022-jp", "shift_jis", "euc-jp", "gb2312", "gbk", "gb18030", "big5", "euc-kr", "cp866",
        "cp850", "cp437", "macintosh", "tis-620", "utf-16",
    ];

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        foreach (var depth in new[] { 1, 10, 60, 99, 100, 150 })
            yield return ($"nested-multipart-{depth:000}.eml", NestedMultipart(depth));
        foreach (var depth in new[] { 5, 40 })
            yield return ($"nested-message-{depth:000}.eml", NestedMessages(depth));
        yield return ("header-folded-5k.eml", LongSubject(5_000, folded: true));
        yield return ("header-unfolded-50k.eml", LongSubject(50_000, folded: false));
        yield return ("header-folded-200k.eml", LongSubject(200_000, folded: true));
        yield return ("header-count-2000.eml", ManyHeaders(2_000));
        yield return ("eightbit-utf8-headers.eml", EightBitUtf8());
        yield return ("eightbit-latin1-headers.eml", EightBitLatin1());
        yield return ("encoded-words.eml", EncodedWordCases());
        yield return ("rfc2231-filename.eml", Rfc2231Filename());
        yield return ("missing-end-boundary.eml", MissingEndBoundary());
        yield return ("base64-garbage.eml", Base64Garbage());
        yield return ("qp-edge-cases.eml", QuotedPrintableCases());
        yield return ("crlf-multipart.eml", CrlfMultipart());
        yield return ("addresses.eml", AddressCases());
        foreach (var charset in CharsetNames)
        {
            foreach (var encoding in new[] { "base64", "quoted-printable", "8bit" })
            {
                if (CharsetMessage(charset, encoding) is { } bytes)
                    yield return ($"charset-{charset}-{encoding}.eml", bytes);
            }
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text.ReplaceLineEndings("\r\n"));

    private static byte[] NestedMultipart(int depth)
    {
        var text = new StringBuilder();
        text.Append("From: Nest <nest@example.com>\nSubject: nested ").Append(depth).Append('\n');
        for (var level = 0; level < depth; level++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"level-{level:000}=\"\n\npreamble {level}\n--level-{level:000}=\n");
        }

        text.Append("Content-Type: text/plain; charset=us-ascii\n\ninnermost text\n");
        for (var level = depth - 1; level >= 0; level--)
            text.Append(CultureInfo.InvariantCulture, $"--level-{level:000}=--\nepilogue {level}\n");
        return Ascii(text.ToString());
    }

    private static byte[] NestedMessages(int depth)
    {
        var text = new StringBuilder();
        for (var level = 0; level < depth; level++)
        {
            text.Append(CultureInfo.InvariantCulture, $"From: level{level}@example.com\nTo: Level {level} <to{level}@example.org>\nSubject: level {level}\nContent-Type: message/rfc822\n\n");
        }

        text.Append("From: bottom@example.com\nSubject: bottom\n\nbottom body\n");
        return Ascii(text.ToString());
    }

    private static byte[] LongSubject(int length, bool folded)
    {
        var text = new StringBuilder("From: a@example.com\nSubject:");
        var written = 0;
        var word = 0;
        while (written < length)
        {
            var piece = " word" + word++.ToString(CultureInfo.InvariantCulture);
            if (folded && word % 10 == 0)
                text.Append('\n');
            text.Append(piece);
            written += piece.Length;
        }

        text.Append("\nTo: b@example.com\n\nbody\n");
        return Ascii(text.ToString());
    }

    private static byte[] ManyHeaders(int count)
    {
        var text = new StringBuilder("Subject: many headers\nFrom: a@example.com\n");
        for (var i = 0; i < count; i++)
            text.Append(CultureInfo.InvariantCulture, $"X-Header-{i}: value {i}\n");
        text.Append("To: b@example.com\n\nbody\n");
        return Ascii(text.ToString());
    }

    private static byte[] EightBitUtf8() => Encoding.UTF8.GetBytes(
        "From: Jörg Müller <jörg@müller.example>\r\nTo: 日本 <user@例え.jp>, plain@example.com\r\nSubject: Grüße aus Köln — 日本語\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße — 日本語\r\n");

    private static byte[] EightBitLatin1() => Encoding.Latin1.GetBytes(
        "From: Jörg <jorg@example.com>\r\nSubject: Grüße\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\n" +
        "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n");

    private static byte[] EncodedWordCases() => Ascii(
        "From: \"=?utf-8?q?J=C3=B6rg?=\" <j@example.com>\n" +
        "To: =?utf-8?b?5pel5pys?= <a@example.com>, =?iso-8859-1?q?Andr=E9?= Pirard <pirard@example.org>\n" +
        "Cc: =?US-ASCII?Q?Keith_Moore?= <moore@example.net>\n" +
        "Subject: =?utf-8?q?split_=E6=97?= =?utf-8?q?=A5_done?= and =?iso-8859-1?q?a?=  =?iso-8859-1?q?b?= plain\n" +
        "\n" +
        "body\n");

    private static byte[] Rfc2231Filename() => Ascii(
        "From: a@example.com\nSubject: 2231\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XX\n\n" +
        "--XX\nContent-Type: application/octet-stream\nContent-Disposition: attachment;\n filename*0*=utf-8''%E6%97%A5%E6%9C;\n filename*1*=%AC%E8%AA%9E;\n filename*2=\".txt\"\n" +
        "Content-Transfer-Encoding: base64\n\nAAECAw==\n" +
        "--XX\nContent-Type: text/plain; name*=iso-8859-1'en'caf%E9.txt\n\ncafe\n" +
        "--XX\nContent-Type: text/plain; name=\"=?utf-8?b?w6kudHh0?=\"\n\nencoded word in a parameter\n" +
        "--XX--\n");

    private static byte[] MissingEndBoundary() => Ascii(
        "From: a@example.com\nSubject: no end\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"outer\"\n\n" +
        "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n--inner\nContent-Type: text/plain\n\nplain\n" +
        "--inner\nContent-Type: text/html\n\n<p>html</p>\n--outer\nContent-Type: text/plain\n\nlast part, never closed\n");

    private static byte[] Base64Garbage() => Ascii(
        "From: a@example.com\nSubject: base64\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n" +
        "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nSGVs bG8*gV29y\nbGQh\n" +
        "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nSGVsbG8\n" +
        "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nSGk=\n\n" +
        "--b--\n");

    private static byte[] QuotedPrintableCases() => Ascii(
        "From: a@example.com\nSubject: qp\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" +
        "soft=\nbreak, caf=C3=A9, lower =c3=a9, bad =ZZ and =4, equals at end=\nnext line\n");

    private static byte[] CrlfMultipart() => Ascii(
        "From: a@example.com\nSubject: crlf\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"=_alt\"\n\n" +
        "--=_alt\nContent-Type: text/plain; charset=us-ascii\n\nfirst\n\n--=_alt\nContent-Type: text/html; charset=us-ascii\n\n<b>second</b>\n--=_alt--\n");

    private static byte[] AddressCases() => Ascii(
        "From: \"Doe, John\" <john.doe@example.com>\n" +
        "To: undisclosed-recipients:;, Friends: alice@example.com, Bob <bob@example.com>;, \"quoted local\"@example.com\n" +
        "Cc: John Q. Public <jqp@example.net>, <@route.example:routed@example.org>, (comment) user@example.com (Name)\n" +
        "Subject: addresses\n\nbody\n");

    private static byte[]? CharsetMessage(string charset, string transferEncoding)
    {
        // The bytes come from .NET's own table for the label, not from Posta's alias choices.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var strict = Encoding.GetEncoding(DotNetName(charset), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var text = new StringBuilder();
        foreach (var rune in Sample.EnumerateRunes())
        {
            try
            {
                var encoded = strict.GetBytes(rune.ToString());
                if (strict.GetString(encoded) == rune.ToString())
                    text.Append(rune.ToString());
            }
            catch (EncoderFallbackException)
            {
            }
        }

        var body = strict.GetBytes(text.ToString().Trim() + "\r\nsecond line\r\n");
        if (transferEncoding == "8bit" && charset is "utf-16")
            return null;
        var subjectWord = $"=?{charset}?b?{Convert.ToBase64String(strict.GetBytes(text.ToString()[..Math.Min(12, text.Length)]))}?=";
        var header = Ascii($"From: charset@example.com\nSubject: {subjectWord}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=\"{charset}\"\nContent-Transfer-Encoding: {transferEncoding}\n\n");
        var encodedBody = transferEncoding switch
        {
            "base64" => Ascii(Convert.ToBase64String(body, Base64FormattingOptions.InsertLineBreaks) + "\n"),
            "quoted-printable" => Ascii(QuotedPrintable(body)),
            _ => body,
        };
        return [.. header, .. encodedBody];
    }

    private static string DotNetName(string charset) => charset switch
    {
        "gbk" => "gb2312",
        "cp866" => "ibm866",
        "cp850" => "ibm850",
        "cp437" => "ibm437",
        _ => charset,
    };

    private static string QuotedPrintable(byte[] data)
    {
        var text = new StringBuilder();
        var column = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
            {
                text.Append('\n');
                i++;
                column = 0;
                continue;
            }

            var piece = b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}";
            if (column + piece.Length > 75)
            {
                text.Append("=\n");
                column = 0;
            }

            text.Append(piece);
            column += piece.Length;
        }

        return text.ToString();
    }
}
