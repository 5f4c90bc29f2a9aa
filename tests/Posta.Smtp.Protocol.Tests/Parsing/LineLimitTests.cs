using System.Buffers;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Parsing;

public class LineLimitTests
{
    [Fact]
    public void A_command_line_of_512_octets_is_accepted_and_513_is_too_long()
    {
        // RFC 5321 §4.5.3.1.4: 512 octets including the command word and CRLF.
        var exact = Line("NOOP ", 512);
        var over = Line("NOOP ", 513);

        Assert.Equal(OperationStatus.Done, Parse(exact, out _, out var consumed));
        Assert.Equal(512, consumed);
        Assert.Equal(OperationStatus.InvalidData, Parse(over, out var command, out consumed));
        Assert.Equal(SmtpCommandError.LineTooLong, ((InvalidCommand)command).Error);
        Assert.Equal("500 5.5.2 Error: line too long", ((InvalidCommand)command).Reply.ToString());
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Without_a_line_feed_the_limit_triggers_exactly_when_it_is_reached()
    {
        var noLineFeed = Bytes.Of("NOOP " + new string('x', 600));

        Assert.Equal(OperationStatus.NeedMoreData, Parse(noLineFeed[..511], out _, out _));
        Assert.Equal(OperationStatus.InvalidData, Parse(noLineFeed[..512], out var command, out _));
        Assert.Equal(SmtpCommandError.LineTooLong, ((InvalidCommand)command).Error);
    }

    [Fact]
    public void The_parser_never_looks_past_the_limit()
    {
        // 600 readable bytes in two segments, then memory that throws when read.
        var head = Bytes.Of("EHLO " + new string('x', 595));
        var sequence = Segments.Chain([head.AsMemory(0, 300), head.AsMemory(300), new Untouchable(1 << 20).AsMemory()]);
        var reader = new SequenceReader<byte>(sequence);

        Assert.Equal(OperationStatus.InvalidData, SmtpCommandParser.Default.TryParse(ref reader, out var command));
        Assert.Equal(SmtpCommandError.LineTooLong, ((InvalidCommand)command).Error);

        var single = new SequenceReader<byte>(Segments.Chain([head, new Untouchable(1 << 20).AsMemory()]));
        Assert.Equal(OperationStatus.InvalidData, SmtpCommandParser.Default.TryParse(ref single, out _));
    }

    [Fact]
    public void After_a_line_too_long_the_session_can_skip_to_the_next_line()
    {
        var input = Bytes.Of("NOOP " + new string('x', 5000) + "\r\nQUIT\r\n");
        var reader = new SequenceReader<byte>(Segments.Split(input, 100, 600, 4000));

        Assert.Equal(OperationStatus.InvalidData, SmtpCommandParser.Default.TryParse(ref reader, out _));
        Assert.True(SmtpCommandParser.TrySkipLine(ref reader));
        Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParse(ref reader, out var quit));
        Assert.IsType<QuitCommand>(quit);
    }

    [Fact]
    public void Skipping_consumes_what_is_there_until_the_line_feed_arrives()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of(new string('x', 700))));

        Assert.False(SmtpCommandParser.TrySkipLine(ref reader));
        Assert.True(reader.End);
    }

    [Fact]
    public void Auth_lines_get_the_rfc_4954_limit()
    {
        // RFC 4954 §4: 12288 octets is enough for deployed mechanisms (Kerberos tickets); the CRLF comes
        // on top, as Postfix reads it. The AUTH command line gets it too (clients exceed 512 there).
        var accepted = Line("AUTH GSSAPI ", 12288 + 2, 'Q');
        var refused = Line("AUTH GSSAPI ", 12288 + 3, 'Q');

        Assert.Equal(OperationStatus.Done, Parse(accepted, out var auth, out _));
        Assert.Equal("GSSAPI", ((AuthCommand)auth).Mechanism);
        Assert.Equal(OperationStatus.InvalidData, Parse(refused, out var command, out _));
        Assert.Equal(SmtpCommandError.AuthLineTooLong, ((InvalidCommand)command).Error);
        Assert.Equal("500 5.5.6 Authentication Exchange line is too long", ((InvalidCommand)command).Reply.ToString());
    }

    [Fact]
    public void Mail_and_rcpt_get_the_allowances_their_extensions_define()
    {
        var mail = Bytes.Of("MAIL FROM:<" + new string('a', 400) + "@example.com> SIZE=12345678901234567890 ENVID=" + new string('e', 80) + " AUTH=" + new string('b', 480) + "@example.com SMTPUTF8 BODY=BINARYMIME REQUIRETLS\r\n");
        var rcpt = Bytes.Of("RCPT TO:<" + new string('a', 400) + "@example.com> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;" + new string('o', 440) + "@example.com\r\n");
        var ehlo = Bytes.Of("EHLO " + new string('a', 600) + "\r\n");

        Assert.True(mail.Length > 1000 && rcpt.Length > 900);
        Assert.Equal(OperationStatus.Done, Parse(mail, out _, out _));
        Assert.Equal(OperationStatus.Done, Parse(rcpt, out _, out _));
        Assert.Equal(OperationStatus.InvalidData, Parse(ehlo, out var command, out _));
        Assert.Equal(SmtpCommandError.LineTooLong, ((InvalidCommand)command).Error);
    }

    [Fact]
    public void Limits_are_configurable_but_not_below_the_rfc()
    {
        var larger = new SmtpCommandParser(new SmtpParserOptions { MaxCommandLineLength = 2048 });
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Line("EHLO ", 2000)));

        Assert.Equal(OperationStatus.Done, larger.TryParse(ref reader, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpCommandParser(new SmtpParserOptions { MaxCommandLineLength = 511 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpCommandParser(new SmtpParserOptions { MaxAuthLineLength = 100 }));
    }

    private static byte[] Line(string start, int length, char fill = 'x') =>
        Bytes.Of(start + new string(fill, length - start.Length - 2) + "\r\n");

    private static OperationStatus Parse(byte[] input, out SmtpCommand command, out long consumed)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input));
        var status = SmtpCommandParser.Default.TryParse(ref reader, out command);
        consumed = reader.Consumed;
        return status;
    }
}
