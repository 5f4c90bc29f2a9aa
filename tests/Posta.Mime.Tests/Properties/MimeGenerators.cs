using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Posta.Mime.Tests.Properties;

/// <summary>FsCheck generators for hostile and for well-formed mail.</summary>
internal static class MimeGenerators
{
    // Pieces that steer random input into the reader's interesting states.
    private static readonly string[] Vocabulary =
    [
        "\r\n", "\n", "\r", " ", "\t", ":", ";", "\"", "(", ")", "<", ">", "@", ",", "=", "?", "--", "--b", "--b--", "--c", "--c--",
        "Content-Type: multipart/mixed; boundary=b\r\n", "Content-Type: multipart/alternative; boundary=\"c\"\r\n",
        "Content-Type: message/rfc822\r\n", "Content-Type: multipart/digest; boundary=b\r\n", "Content-Type: text/plain; charset=utf-8\r\n",
        "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n", "Content-Transfer-Encoding: x-uuencode\r\n",
        "Content-Disposition: attachment; filename*0*=utf-8''%E2%82; filename*1*=%AC\r\n", "From ", "From: ", "Subject: ", "To: a@b, G: c@d;\r\n",
        "=?utf-8?q?=C3=A9?=", "=?utf-8?b?w6k=?=", "=?", "?=", "begin 644 x\n", "end\n", "=\r\n", "=C3", "\r\n\r\n", "\xff", "\x80", "ü", "日本",
        "SGVsbG8=", "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\n",
    ];

    public static Gen<byte[]> HostileBytes =>
        Gen.Frequency(
            (3, Gen.Elements(Vocabulary).Select(Encoding.UTF8.GetBytes)),
            (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 8)))
        .ListOf()
        .Select(pieces => pieces.SelectMany(p => p).ToArray());

    public static Gen<byte[]> Mutated(IReadOnlyList<byte[]> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from edits in Gen.ListOf(Mutation, 6)
        select edits.Aggregate(seed, (data, edit) => edit(data));

    private static Gen<Func<byte[], byte[]>> Mutation =>
        Gen.OneOf(
            from position in Gen.Choose(0, 1 << 20)
            from value in Gen.Choose(0, 255)
            select (Func<byte[], byte[]>)(data => Flip(data, position, (byte)value)),
            from position in Gen.Choose(0, 1 << 20)
            from length in Gen.Choose(1, 64)
            select (Func<byte[], byte[]>)(data => Delete(data, position, length)),
            from position in Gen.Choose(0, 1 << 20)
            from piece in Gen.Elements(Vocabulary)
            select (Func<byte[], byte[]>)(data => Insert(data, position, Encoding.UTF8.GetBytes(piece))),
            from position in Gen.Choose(0, 1 << 20)
            from length in Gen.Choose(1, 200)
            select (Func<byte[], byte[]>)(data => Duplicate(data, position, length)),
            from length in Gen.Choose(0, 1 << 20)
            select (Func<byte[], byte[]>)(data => data[..Math.Min(data.Length, length % (data.Length + 1))]));

    private static byte[] Flip(byte[] data, int position, byte value)
    {
        if (data.Length == 0)
            return data;
        var copy = (byte[])data.Clone();
        copy[position % data.Length] = value;
        return copy;
    }

    private static byte[] Delete(byte[] data, int position, int length)
    {
        if (data.Length == 0)
            return data;
        var start = position % data.Length;
        var end = Math.Min(data.Length, start + length);
        return [.. data[..start], .. data[end..]];
    }

    private static byte[] Insert(byte[] data, int position, byte[] piece)
    {
        var at = position % (data.Length + 1);
        return [.. data[..at], .. piece, .. data[at..]];
    }

    private static byte[] Duplicate(byte[] data, int position, int length)
    {
        if (data.Length == 0)
            return data;
        var start = position % data.Length;
        var end = Math.Min(data.Length, start + length);
        return [.. data[..end], .. data[start..end], .. data[end..]];
    }

    // Text people write: several scripts, punctuation that needs quoting or encoding, lookalikes of encoded words.
    private static readonly string[] Words =
    [
        "hello", "Grüße", "naïve", "日本語", "Русский", "ελληνικά", "עברית", "😀", "a,b", "\"quoted\"", "=?x?", "?=", "semi;colon", "(paren)",
        "back\\slash", "dot.", ".", "@", "<angle>", "x", "long-word-" + new string('w', 90), "tab\there", "é", "ß", "€", "中文", "한국어",
    ];

    public static Gen<string> Phrase =>
        Gen.Elements(Words).NonEmptyListOf().Select(words => string.Join(' ', words.Take(12)));

    public static Gen<string> LocalPart => Gen.Elements("alice", "bob.smith", "x", "first_last", "a+tag", "o'neil", "user-1");

    public static Gen<string> Domain => Gen.Elements("example.com", "mail.example.org", "bücher.example", "例え.jp", "xn--bcher-kva.example");

    public static Gen<string> BodyText =>
        Gen.Elements(Words.Append("\n").Append("\r\n").Append("  ").Append(new string('z', 1100)).Append("trailing \n").ToArray())
            .ListOf()
            .Select(pieces => string.Join(' ', pieces.Take(60)));

    public static Gen<byte[]> BinaryContent => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));
}
