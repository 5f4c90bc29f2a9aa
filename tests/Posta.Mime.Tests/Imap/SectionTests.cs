using System.Buffers;
using System.Text;
using Posta.Mime.Imap;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Imap;

public class SectionTests
{
    private static readonly byte[] Source = TestMessages.Crlf(
        "Subject: outer\n" +
        "From: a@example.com\n" +
        "Content-Type: multipart/mixed; boundary=out\n" +
        "\n" +
        "--out\n" +
        "Content-Type: text/plain\n" +
        "\n" +
        "first\n" +
        "--out\n" +
        "Content-Type: message/rfc822\n" +
        "\n" +
        "Subject: inner\n" +
        "Content-Type: multipart/alternative; boundary=in\n" +
        "\n" +
        "--in\n" +
        "Content-Type: text/plain\n" +
        "Content-Transfer-Encoding: base64\n" +
        "\n" +
        "aW5uZXIgcGxhaW4=\n" +
        "--in\n" +
        "Content-Type: text/html\n" +
        "\n" +
        "<p>inner</p>\n" +
        "--in--\n" +
        "--out\n" +
        "Content-Type: application/octet-stream\n" +
        "\n" +
        "third\n" +
        "--out--\n");

    private static readonly MimeMessage Message = MimeReader.Read(Source);

    private static string? Fetch(string spec)
    {
        Assert.True(ImapSection.TryParse(spec, out var section), spec);
        var content = ImapSections.GetContent(Message, section!);
        return content is null ? null : Encoding.UTF8.GetString(content.ToArray(new ReadOnlySequence<byte>(Source))).ReplaceLineEndings("\n");
    }

    [Theory]
    [InlineData("HEADER", "Subject: outer\nFrom: a@example.com\nContent-Type: multipart/mixed; boundary=out\n\n")]
    [InlineData("1", "first")]
    [InlineData("1.MIME", "Content-Type: text/plain\n\n")]
    [InlineData("2.HEADER", "Subject: inner\nContent-Type: multipart/alternative; boundary=in\n\n")]
    [InlineData("2.1", "aW5uZXIgcGxhaW4=")]
    [InlineData("2.1.MIME", "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n")]
    [InlineData("2.2", "<p>inner</p>")]
    [InlineData("3", "third")]
    [InlineData("HEADER.FIELDS (SUBJECT \"from\")", "Subject: outer\nFrom: a@example.com\n\n")]
    [InlineData("HEADER.FIELDS.NOT (Subject From)", "Content-Type: multipart/mixed; boundary=out\n\n")]
    [InlineData("2.HEADER.FIELDS (X-None)", "\n")]
    public void Sections_return_the_bytes_rfc3501_describes(string spec, string expected)
    {
        Assert.Equal(expected, Fetch(spec));
    }

    [Fact]
    public void Whole_message_and_text()
    {
        Assert.Equal(Encoding.UTF8.GetString(Source).ReplaceLineEndings("\n"), Fetch(""));
        Assert.StartsWith("--out\nContent-Type: text/plain", Fetch("TEXT"), StringComparison.Ordinal);
        Assert.StartsWith("Subject: inner\n", Fetch("2"), StringComparison.Ordinal);
        Assert.StartsWith("--in\n", Fetch("2.TEXT"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("1.1")]
    [InlineData("1.HEADER")]
    [InlineData("2.3")]
    public void Missing_sections_are_null(string spec) => Assert.Null(Fetch(spec));

    [Fact]
    public void Non_multipart_message_has_part_one()
    {
        var source = TestMessages.Crlf("Subject: x\n\nbody\n");
        var message = MimeReader.Read(source);
        Assert.Same(message.Root, ImapSections.FindPart(message, [1]));
        Assert.Null(ImapSections.FindPart(message, [2]));
        Assert.Null(ImapSections.FindPart(message, [1, 1]));
    }

    [Fact]
    public void Binary_decodes_the_part()
    {
        var part = ImapSections.FindPart(Message, [2, 1])!;
        Assert.True(MimeContent.CanDecode(part));
        Assert.Equal("inner plain", Encoding.ASCII.GetString(MimeContent.DecodeBody(part, new ReadOnlySequence<byte>(Source))));
    }

    [Fact]
    public async Task Binary_streams_from_a_seekable_source()
    {
        var part = ImapSections.FindPart(Message, [2, 1])!;
        using var source = new MemoryStream(Source);
        using var destination = new MemoryStream();
        await MimeContent.DecodeBodyAsync(part, source, destination);
        Assert.Equal("inner plain", Encoding.ASCII.GetString(destination.ToArray()));
    }

    [Fact]
    public void Partial_fetch_slices_across_segments()
    {
        ImapSection.TryParse("HEADER.FIELDS (Subject From)", out var section);
        var content = ImapSections.GetContent(Message, section!)!;
        var slice = content.Slice(10, 12);
        Assert.Equal("uter\r\nFrom: ", Encoding.ASCII.GetString(slice.ToArray(new ReadOnlySequence<byte>(Source))));
    }

    [Theory]
    [InlineData("1.2.HEADER.FIELDS (From To)", "1.2.HEADER.FIELDS (From To)")]
    [InlineData("header", "HEADER")]
    [InlineData("3.mime", "3.MIME")]
    [InlineData("", "")]
    public void Section_specs_parse(string spec, string canonical)
    {
        Assert.True(ImapSection.TryParse(spec, out var section));
        Assert.Equal(canonical, section!.ToString());
    }

    [Theory]
    [InlineData("MIME")]
    [InlineData("0")]
    [InlineData("1.")]
    [InlineData("1..2")]
    [InlineData("HEADER.FIELDS ()")]
    [InlineData("HEADER.FIELDS")]
    [InlineData("BODY")]
    public void Bad_section_specs_do_not_parse(string spec) => Assert.False(ImapSection.TryParse(spec, out _));

    [Fact]
    public void Search_text_decodes_headers_and_text_bodies()
    {
        var texts = ImapSearchText.BodyTexts(Message, new ReadOnlySequence<byte>(Source)).ToList();
        Assert.Contains("first", texts);
        Assert.Contains("inner plain", texts);
        Assert.Contains("Subject: inner", texts);
        Assert.DoesNotContain(texts, t => t.Contains("third", StringComparison.Ordinal));
        Assert.Equal(["outer"], ImapSearchText.HeaderValues(Message, "subject"));
    }
}
