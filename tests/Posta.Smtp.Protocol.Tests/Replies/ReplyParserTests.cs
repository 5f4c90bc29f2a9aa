using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Replies;

public class ReplyParserTests
{
    private static readonly byte[] Next = Bytes.Of("250 next\r\n");

    public static TheoryData<string, int, string?, string[]> Valid() => new()
    {
        { "250 OK\r\n", 250, null, ["OK"] },
        { "220 mx.example.com ESMTP Postfix (Debian/GNU)\r\n", 220, null, ["mx.example.com ESMTP Postfix (Debian/GNU)"] },
        { "250-mx.example.com\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n", 250, null, ["mx.example.com", "PIPELINING", "SIZE 10240000", "8BITMIME"] },
        { "550 5.1.1 <nobody@example.com>: Recipient address rejected\r\n", 550, "5.1.1", ["<nobody@example.com>: Recipient address rejected"] },
        { "550-5.7.1 first line\r\n550 5.7.1 second line\r\n", 550, "5.7.1", ["first line", "second line"] },
        { "421-4.7.0 one\r\n421 two\r\n", 421, "4.7.0", ["one", "two"] },
        { "250 2.0.0\r\n", 250, "2.0.0", [""] },
        { "250\r\n", 250, null, [""] },
        { "250-\r\n250 done\r\n", 250, null, ["", "done"] },
        { "250 5.1.1 wrong class is text\r\n", 250, null, ["5.1.1 wrong class is text"] },
        { "250 2.0.0.1 not a code\r\n", 250, null, ["2.0.0.1 not a code"] },
        { "354 End data with <CR><LF>.<CR><LF>\r\n", 354, null, ["End data with <CR><LF>.<CR><LF>"] },
        { "334 VXNlcm5hbWU6\r\n", 334, null, ["VXNlcm5hbWU6"] },
        { "334 \r\n", 334, null, [""] },
        { "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked\r\n", 554, "5.7.1", ["Service unavailable; Client host [192.0.2.1] blocked"] },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_reply_is_parsed_whatever_the_split(string wire, int code, string? status, string[] lines)
    {
        var bytes = Bytes.Of(wire);
        foreach (var sequence in Segments.AllSplits([.. bytes, .. Next]))
        {
            var reader = new SequenceReader<byte>(sequence);

            Assert.Equal(OperationStatus.Done, new SmtpReplyParser().TryParse(ref reader, out var reply, out var error));

            Assert.Equal(SmtpReplyError.None, error);
            Assert.Equal(code, reply!.Code);
            Assert.Equal(status, reply.Status?.ToString());
            Assert.Equal(lines, reply.Lines);
            Assert.Equal(bytes.Length, reader.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Every_prefix_of_a_reply_needs_more_data(string wire, int code, string? status, string[] lines)
    {
        _ = (code, status, lines);
        var bytes = Bytes.Of(wire);
        for (var length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));

            Assert.Equal(OperationStatus.NeedMoreData, new SmtpReplyParser().TryParse(ref reader, out _, out _));
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Theory]
    [InlineData("25 OK\r\n", SmtpReplyError.InvalidSyntax)]
    [InlineData("250xOK\r\n", SmtpReplyError.InvalidSyntax)]
    [InlineData("600 x\r\n", SmtpReplyError.InvalidSyntax)]
    [InlineData("170 x\r\n", SmtpReplyError.InvalidSyntax)]
    [InlineData("260 x\r\n", SmtpReplyError.InvalidSyntax)]
    [InlineData("OK\r\n", SmtpReplyError.InvalidSyntax)]
    [InlineData("250-a\r\n251 b\r\n", SmtpReplyError.InconsistentCode)]
    [InlineData("250 OK\n", SmtpReplyError.BareLineFeed)]
    [InlineData("250 O\rK\r\n", SmtpReplyError.InvalidCharacter)]
    [InlineData("250 O\0K\r\n", SmtpReplyError.InvalidCharacter)]
    public void Malformed_replies_are_typed_errors(string wire, SmtpReplyError expected)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of(wire)));

        Assert.Equal(OperationStatus.InvalidData, new SmtpReplyParser().TryParse(ref reader, out var reply, out var error));

        Assert.Equal(expected, error);
        Assert.Null(reply);
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void Line_length_and_line_count_are_limited()
    {
        var longLine = Bytes.Of("250 " + new string('x', 600));
        var manyLines = Bytes.Of(string.Concat(Enumerable.Repeat("250-x\r\n", 11)) + "250 y\r\n");
        var parser = new SmtpReplyParser(maxLineLength: 512, maxLines: 10);
        var longReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(longLine));
        var manyReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(manyLines));
        var tenReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of(string.Concat(Enumerable.Repeat("250-x\r\n", 9)) + "250 y\r\n")));

        Assert.Equal(OperationStatus.InvalidData, parser.TryParse(ref longReader, out _, out var longError));
        Assert.Equal(SmtpReplyError.LineTooLong, longError);
        Assert.Equal(OperationStatus.InvalidData, parser.TryParse(ref manyReader, out _, out var manyError));
        Assert.Equal(SmtpReplyError.TooManyLines, manyError);
        Assert.Equal(OperationStatus.Done, parser.TryParse(ref tenReader, out var ten, out _));
        Assert.Equal(10, ten!.Lines.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpReplyParser(maxLineLength: 100));
    }

    [Fact]
    public void Bare_line_feeds_are_accepted_when_allowed()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of("250-a\n250 b\n")));

        Assert.Equal(OperationStatus.Done, new SmtpReplyParser(allowBareLineFeed: true).TryParse(ref reader, out var reply, out _));
        Assert.Equal(["a", "b"], reply!.Lines);
    }

    [Fact]
    public void Written_replies_read_back_the_same()
    {
        var printable = Gen.Choose(0x20, 0x7E).Select(c => (char)c).ArrayOf().Select(chars => new string(chars).Trim());
        var replies =
            from code in Gen.Choose(200, 599)
            from withStatus in Gen.Elements(true, false)
            from subject in Gen.Choose(0, 999)
            from detail in Gen.Choose(0, 999)
            from lines in printable.NonEmptyListOf()
            where code % 100 / 10 <= 5 && code / 100 != 3
            select new SmtpReply(code, withStatus ? new EnhancedStatusCode(code / 100, subject, detail) : null, lines.Take(SmtpReplyParser.DefaultMaxLines).Select(l => l.Length > 400 ? l[..400] : l));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(replies.ToArbitrary(), reply =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            SmtpReplyWriter.Write(buffer, reply);
            var reader = new SequenceReader<byte>(Segments.Bytewise(buffer.WrittenSpan.ToArray()));

            var status = new SmtpReplyParser().TryParse(ref reader, out var parsed, out var error);
            Assert.True(status == OperationStatus.Done, $"{status} {error} {reply.Lines.Count} lines");
            Assert.Equal(reply.Code, parsed!.Code);

            // Text that itself starts like an enhanced code of the reply's class is read as one when no code was written.
            if (reply.Status is not null || !reply.Lines[0].StartsWith($"{reply.Code / 100}.", StringComparison.Ordinal))
            {
                Assert.Equal(reply.Status, parsed.Status);
                Assert.Equal(reply.Lines, parsed.Lines);
            }

            Assert.True(reader.End);
        }));
    }

    [Fact]
    public void Enhanced_status_codes_parse_and_print()
    {
        Assert.Equal(new EnhancedStatusCode(5, 7, 11), EnhancedStatusCode.Parse("5.7.11"));
        Assert.Equal("4.5.3", new EnhancedStatusCode(4, 5, 3).ToString());
        Assert.Equal(9, EnhancedStatusCode.TryParsePrefix(Encoding.ASCII.GetBytes("5.999.999 x"), out var longest));
        Assert.Equal(new EnhancedStatusCode(5, 999, 999), longest);
        foreach (var bad in new[] { "6.1.1", "5.1", "5.1.1000", "5..1", "5.1.", "x.1.1", "5.1.1 " })
        {
            Assert.Throws<FormatException>(() => EnhancedStatusCode.Parse(bad));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new EnhancedStatusCode(3, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnhancedStatusCode(2, 1000, 0));
    }
}
