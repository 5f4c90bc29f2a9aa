using System.Text;

namespace Posta.Benchmarks;

/// <summary>
/// The workloads of the MIME benchmarks: the Debian corpora the differential tests use (typical
/// real mail, many small messages) and a generated mbox-sized set (larger messages with
/// attachments), each message normalised to CRLF and held in memory so only parsing is timed.
/// </summary>
internal static class MimeCorpus
{
    public static IReadOnlyList<byte[]> Load(string name) => name switch
    {
        "corpus" => LoadDebianCorpora(),
        "mbox" => Generate(messages: 2000, seed: 7),
        _ => throw new ArgumentException($"unknown workload {name}", nameof(name)),
    };

    /// <summary>Writes the workload as files, one message each, for the Python comparison.</summary>
    public static void Export(string name, string directory)
    {
        Directory.CreateDirectory(directory);
        var messages = Load(name);
        for (var i = 0; i < messages.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(directory, $"{i:D5}.eml"), messages[i]);
        }
    }

    private static List<byte[]> LoadDebianCorpora()
    {
        var roots = new[]
        {
            "/usr/lib/python3.11/test/test_email/data",
            "/usr/share/gocode/src/github.com/jhillyerd/enmime/testdata",
        };
        var messages = new List<byte[]>();
        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith("msg_", StringComparison.Ordinal) || name.EndsWith(".raw", StringComparison.Ordinal) || name.EndsWith(".eml", StringComparison.Ordinal))
                {
                    messages.Add(ToCrlf(File.ReadAllBytes(file)));
                }
            }
        }

        if (messages.Count == 0)
        {
            throw new InvalidOperationException("no corpus: install libpython3.11-testsuite and golang-github-jhillyerd-enmime-dev (./test.sh does)");
        }

        return messages;
    }

    private static List<byte[]> Generate(int messages, int seed)
    {
        var random = new Random(seed);
        var list = new List<byte[]>(messages);
        for (var i = 0; i < messages; i++)
        {
            var text = new StringBuilder();
            text.Append("Return-Path: <sender").Append(i).Append("@example.net>\r\n");
            for (var hop = 0; hop < 4; hop++)
            {
                text.Append("Received: from relay").Append(hop).Append(".example.net (relay").Append(hop).Append(".example.net [192.0.2.").Append(hop + 1)
                    .Append("])\r\n\tby mx.example.org with ESMTPS id ABC").Append(i).Append(hop).Append("\r\n\tfor <alice@example.org>; Sun, 22 Nov 2026 05:0").Append(hop).Append(":00 +0000\r\n");
            }

            text.Append("From: =?UTF-8?Q?J=C3=BCrgen_Sender?= <sender").Append(i).Append("@example.net>\r\n");
            text.Append("To: Alice <alice@example.org>, \"Bob, B.\" <bob@example.org>, team: carol@example.org, dave@example.org;\r\n");
            text.Append("Subject: =?ISO-8859-1?Q?Re=3A_r=E9union?= number ").Append(i).Append("\r\n");
            text.Append("Date: Sun, 22 Nov 2026 05:00:00 +0100\r\nMessage-ID: <").Append(i).Append(".bench@example.net>\r\n");
            text.Append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer-").Append(i).Append("\"\r\n\r\n");
            text.Append("This is a multi-part message in MIME format.\r\n");
            text.Append("--outer-").Append(i).Append("\r\nContent-Type: multipart/alternative; boundary=\"inner-").Append(i).Append("\"\r\n\r\n");
            var paragraphs = 5 + random.Next(40);
            text.Append("--inner-").Append(i).Append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
            AppendText(text, random, paragraphs);
            text.Append("--inner-").Append(i).Append("\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>");
            AppendText(text, random, paragraphs);
            text.Append("</body></html>\r\n--inner-").Append(i).Append("--\r\n");
            if (random.Next(3) == 0)
            {
                var attachment = new byte[4096 + random.Next(200_000)];
                random.NextBytes(attachment);
                text.Append("--outer-").Append(i).Append("\r\nContent-Type: application/pdf; name=\"report-").Append(i).Append(".pdf\"\r\nContent-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n");
                var encoded = Convert.ToBase64String(attachment);
                for (var p = 0; p < encoded.Length; p += 76)
                {
                    text.Append(encoded, p, Math.Min(76, encoded.Length - p)).Append("\r\n");
                }
            }

            text.Append("--outer-").Append(i).Append("--\r\n");
            list.Add(Encoding.UTF8.GetBytes(text.ToString()));
        }

        return list;
    }

    private static void AppendText(StringBuilder text, Random random, int paragraphs)
    {
        for (var p = 0; p < paragraphs; p++)
        {
            var words = 20 + random.Next(60);
            var column = 0;
            for (var w = 0; w < words; w++)
            {
                var length = 2 + random.Next(9);
                for (var c = 0; c < length; c++)
                {
                    text.Append((char)('a' + random.Next(26)));
                }

                column += length + 1;
                if (column > 70)
                {
                    text.Append("\r\n");
                    column = 0;
                }
                else
                {
                    text.Append(' ');
                }
            }

            text.Append("\r\n\r\n");
        }
    }

    private static byte[] ToCrlf(byte[] source)
    {
        var output = new List<byte>(source.Length + (source.Length / 40));
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == (byte)'\n' && (i == 0 || source[i - 1] != (byte)'\r'))
            {
                output.Add((byte)'\r');
            }

            output.Add(source[i]);
        }

        return [.. output];
    }
}
