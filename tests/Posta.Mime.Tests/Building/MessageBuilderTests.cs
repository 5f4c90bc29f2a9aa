using System.Buffers;
using System.Text;
using Posta.Mime.Addresses;
using Posta.Mime.Building;
using Posta.Mime.Encodings;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Building;

public class MessageBuilderTests
{
    private static MessageBuilder Basic() => new()
    {
        From = new MailboxAddress("Alice Example", "alice", "example.com"),
        Subject = "Hello",
        Date = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        MessageId = "<id@example.com>",
    };

    [Fact]
    public void Plain_ascii_message_is_7bit_and_unencoded()
    {
        var builder = Basic();
        builder.To.Add(new MailboxAddress(null, "bob", "example.org"));
        builder.Body = new TextPart("Hi Bob,\nsee you.\n");
        Assert.Equal(
            "Date: Tue, 2 Jan 2024 03:04:05 +0000\r\nFrom: Alice Example <alice@example.com>\r\nTo: bob@example.org\r\nSubject: Hello\r\n" +
            "Message-ID: <id@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHi Bob,\r\nsee you.\r\n",
            Encoding.UTF8.GetString(builder.ToArray()));
    }

    [Fact]
    public void Non_ascii_headers_become_encoded_words_and_fold_within_78_columns()
    {
        var builder = Basic();
        builder.From = new MailboxAddress("Jörg Müller", "jorg", "bücher.example");
        builder.To.Add(new MailboxAddress("Doe, John", "john.doe", "example.org"));
        builder.Subject = "Grüße aus Köln — a rather long subject line that certainly needs folding somewhere along the way, 日本語も";
        var bytes = builder.ToArray();
        var text = Encoding.ASCII.GetString(bytes);
        Assert.True(Ascii.IsValid(bytes));
        Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 78, line));
        Assert.Contains("From: =?utf-8?q?J=C3=B6rg_M=C3=BCller?= <jorg@xn--bcher-kva.example>", text, StringComparison.Ordinal);
        Assert.Contains("To: \"Doe, John\" <john.doe@example.org>", text, StringComparison.Ordinal);

        var message = MimeReader.Read(bytes);
        Assert.Equal(builder.Subject, message.Headers["Subject"]!.Value);
        var from = (MailboxAddress)AddressParser.Parse(message.Headers["From"]!.RawValue.Span)[0];
        Assert.Equal("Jörg Müller", from.DisplayName);
        Assert.Equal("Doe, John", ((MailboxAddress)AddressParser.Parse(message.Headers["To"]!.RawValue.Span)[0]).DisplayName);
    }

    [Fact]
    public void Multipart_with_attachments_round_trips()
    {
        var pdf = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var builder = Basic();
        builder.Body = new MultipartPart("mixed",
            new MultipartPart("alternative", new TextPart("Grüße\nplain"), new TextPart("<p>Grüße</p>", "html")),
            new AttachmentPart(pdf, "application/pdf", "Rechnung für März 2024 — a long file name that needs RFC 2231 continuations.pdf"),
            new AttachmentPart("a,b\r\n1,2\r\n"u8.ToArray(), "text/csv", "data.csv"));
        var bytes = builder.ToArray();
        Assert.True(Ascii.IsValid(bytes));
        Assert.All(Encoding.ASCII.GetString(bytes).Split("\r\n"), line => Assert.True(line.Length <= 78, line));

        var message = MimeReader.Read(bytes);
        var source = new ReadOnlySequence<byte>(bytes);
        Assert.Equal(MimeProblems.None, message.Problems);
        var alternative = message.Root.Children[0];
        Assert.Equal("multipart/alternative", alternative.ContentType.MimeType);
        Assert.Equal("Grüße\r\nplain", MimeContent.GetText(alternative.Children[0], source));
        Assert.Equal(ContentTransferEncoding.QuotedPrintable, alternative.Children[0].TransferEncoding);
        Assert.Equal("<p>Grüße</p>", MimeContent.GetText(alternative.Children[1], source));
        var attachment = message.Root.Children[1];
        Assert.Equal(ContentTransferEncoding.Base64, attachment.TransferEncoding);
        Assert.Equal(pdf, MimeContent.DecodeBody(attachment, source));
        Assert.Equal("Rechnung für März 2024 — a long file name that needs RFC 2231 continuations.pdf", attachment.FileName);
        Assert.Contains("filename*0*=utf-8''Rechnung", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        var csv = message.Root.Children[2];
        Assert.Equal(ContentTransferEncoding.SevenBit, csv.TransferEncoding);
        Assert.Equal("data.csv", csv.FileName);
    }

    [Fact]
    public void Mostly_non_ascii_text_goes_base64()
    {
        var builder = Basic();
        builder.Body = new TextPart("日本語のテキストです。");
        var message = MimeReader.Read(builder.ToArray());
        Assert.Equal(ContentTransferEncoding.Base64, message.Root.TransferEncoding);
        Assert.Equal("utf-8", message.Root.ContentType.Charset);
        Assert.Equal("日本語のテキストです。", MimeContent.GetText(message.Root, new ReadOnlySequence<byte>(builder.ToArray())));
    }

    [Fact]
    public void Long_lines_and_trailing_spaces_survive_quoted_printable()
    {
        var text = new string('a', 1200) + " \nline with trailing tab\t\nend";
        var builder = Basic();
        builder.Body = new TextPart(text);
        var bytes = builder.ToArray();
        var message = MimeReader.Read(bytes);
        Assert.Equal(ContentTransferEncoding.QuotedPrintable, message.Root.TransferEncoding);
        Assert.Equal(text.ReplaceLineEndings("\r\n"), MimeContent.GetText(message.Root, new ReadOnlySequence<byte>(bytes)));
    }

    [Fact]
    public void Dsn_shaped_report_keeps_its_parts_7bit()
    {
        var original = TestMessages.Crlf("From: bob@example.org\nSubject: hi\n\nhello\n");
        var builder = Basic();
        var report = new MultipartPart("report",
            new TextPart("Your message could not be delivered."),
            new AttachmentPart("Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; x@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\n"u8.ToArray(), "message/delivery-status", disposition: null),
            new MessagePart(original));
        report.Parameters.Add(new("report-type", "delivery-status"));
        builder.Body = report;
        var bytes = builder.ToArray();
        var message = MimeReader.Read(bytes);
        Assert.Equal("delivery-status", message.Root.ContentType.GetParameter("report-type"));
        Assert.All(message.Root.Children, part => Assert.Equal(ContentTransferEncoding.SevenBit, part.TransferEncoding));
        Assert.Equal("hi", message.Root.Children[2].EncapsulatedMessage!.Headers["Subject"]!.Value);
    }

    [Fact]
    public void A_message_part_of_another_message_type_is_written_byte_for_byte_with_an_identity_encoding()
    {
        var headers = Encoding.UTF8.GetBytes("From: 민준@example.kr\r\nSubject: 회의\r\n");
        var builder = Basic();
        builder.Body = new MultipartPart("report", new TextPart("report"), new MessagePart(headers, "message/global-headers"));
        var bytes = builder.ToArray();
        var part = MimeReader.Read(bytes).Root.Children[1];
        Assert.Equal("message/global-headers", part.ContentType.MimeType);
        Assert.Equal(ContentTransferEncoding.EightBit, part.TransferEncoding);
        Assert.True(bytes.AsSpan().IndexOf(headers) > 0);
        Assert.Throws<ArgumentException>(() => new MessagePart(headers, "text/rfc822-headers"));
        Assert.Throws<ArgumentException>(() => new MessagePart(headers, "message/x; a=b"));
    }

    [Fact]
    public void Date_and_message_id_are_generated()
    {
        var builder = new MessageBuilder { From = new MailboxAddress(null, "a", "example.com") };
        var message = MimeReader.Read(builder.ToArray());
        Assert.Matches("^<[0-9a-f]{32}@example.com>$", message.Headers["Message-ID"]!.Value);
        Assert.True(Posta.Mime.Headers.MailDate.TryParse(message.Headers["Date"]!.RawValue.Span, out var date));
        Assert.InRange(date, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.NotEqual(MessageIds.Generate("example.com"), MessageIds.Generate("example.com"));
    }

    [Fact]
    public void A_message_needs_a_from() => Assert.Throws<InvalidOperationException>(() => new MessageBuilder().ToArray());
}
