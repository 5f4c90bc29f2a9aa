using System.Buffers;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Parsing;

public class CommandErrorTests
{
    private static readonly byte[] Next = Bytes.Of("NOOP\r\n");

    public static TheoryData<string, SmtpVerb, SmtpCommandError, string> Malformed() => new()
    {
        // line, verb, error, reply ("code status text" prefix)
        { "\r\n", SmtpVerb.Unknown, SmtpCommandError.UnrecognizedCommand, "500 5.5.2" },
        { "FOO bar\r\n", SmtpVerb.Unknown, SmtpCommandError.UnrecognizedCommand, "500 5.5.2" },
        { "MAILFROM:<a@b.example>\r\n", SmtpVerb.Unknown, SmtpCommandError.UnrecognizedCommand, "500 5.5.2" },
        { "EXPN staff\r\n", SmtpVerb.Expn, SmtpCommandError.NotImplemented, "502 5.5.1" },
        { "TURN\r\n", SmtpVerb.Unknown, SmtpCommandError.NotImplemented, "502 5.5.1" },
        { "ETRN example.com\r\n", SmtpVerb.Unknown, SmtpCommandError.NotImplemented, "502 5.5.1" },
        { "GET / HTTP/1.1\r\n", SmtpVerb.Unknown, SmtpCommandError.NonSmtpCommand, "500 5.5.2" },
        { "post /x HTTP/1.0\r\n", SmtpVerb.Unknown, SmtpCommandError.NonSmtpCommand, "500 5.5.2" },
        { "CONNECT host:25 HTTP/1.1\r\n", SmtpVerb.Unknown, SmtpCommandError.NonSmtpCommand, "500 5.5.2" },
        { "EHLO\r\n", SmtpVerb.Ehlo, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: EHLO hostname" },
        { "HELO    \r\n", SmtpVerb.Helo, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: HELO hostname" },
        { "LHLO\r\n", SmtpVerb.Lhlo, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "MAIL\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: MAIL FROM:<address>" },
        { "MAIL TO:<a@b.example>\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "MAIL FROM:\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress, "501 5.1.7" },
        { "MAIL FROM:<a@b.example\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress, "501 5.1.7" },
        { "MAIL FROM:<a@@b.example>\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress, "501 5.1.7" },
        { "MAIL FROM:<a@b.example>x\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress, "501 5.1.7" },
        { "MAIL FROM:<a b@c.example>\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress, "501 5.1.7" },
        { "MAIL FROM:<\"unterminated@c.example>\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress, "501 5.1.7" },
        { "MAIL FROM:<<a@b.example>>\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress, "501 5.1.7" },
        { "MAIL FROM:<a@b.example> FOO=1\r\n", SmtpVerb.Mail, SmtpCommandError.UnknownParameter, "555 5.5.4 Unsupported option: FOO" },
        { "MAIL FROM:<a@b.example> NOTIFY=NEVER\r\n", SmtpVerb.Mail, SmtpCommandError.UnknownParameter, "555 5.5.4 Unsupported option: NOTIFY" },
        { "MAIL FROM:<a@b.example> SIZE=abc\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4 Bad SIZE parameter syntax" },
        { "MAIL FROM:<a@b.example> SIZE\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> SIZE=\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> SIZE=-1\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> SIZE=123456789012345678901\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> SIZE=1 size=2\r\n", SmtpVerb.Mail, SmtpCommandError.DuplicateParameter, "501 5.5.4 Duplicate SIZE parameter" },
        { "MAIL FROM:<a@b.example> BODY=9BIT\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4 Bad BODY parameter syntax" },
        { "MAIL FROM:<a@b.example> SMTPUTF8=yes\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> REQUIRETLS=yes\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> RET=ALL\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> ENVID=a+0Ab\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4 Bad ENVID parameter syntax" },
        { "MAIL FROM:<a@b.example> ENVID=a+zz\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> ENVID=" + new string('e', 101) + "\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4 Bad ENVID parameter syntax" },
        { "MAIL FROM:<a@b.example> ENVID=caf+C3+A9\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> ENVID=a+7Fb\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> ENVID\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> ENVID=a ENVID=b\r\n", SmtpVerb.Mail, SmtpCommandError.DuplicateParameter, "501 5.5.4 Duplicate ENVID parameter" },
        { "MAIL FROM:<a@b.example> RET=HDRS RET=HDRS\r\n", SmtpVerb.Mail, SmtpCommandError.DuplicateParameter, "501 5.5.4 Duplicate RET parameter" },
        { "MAIL FROM:<a@b.example> RET\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> RET=FULL,HDRS\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> AUTH=\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> =x\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> -X\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "MAIL FROM:<a@b.example> SIZE=1=2\r\n", SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: RCPT TO:<address>" },
        { "RCPT TO:<>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@b.example.>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@-b.example>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@b-.example>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@b..example>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@b_c.example>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@" + new string('x', 64) + ".example>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@[300.1.1.1]>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@[1.2.3]>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@[IPv6:zz::1]>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@[IPv6:fe80::1%eth0]>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@[tag:a]b]>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<@a.example:>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<\xff@b.example>\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress, "501 5.1.3" },
        { "RCPT TO:<a@b.example> SIZE=10\r\n", SmtpVerb.Rcpt, SmtpCommandError.UnknownParameter, "555 5.5.4 Unsupported option: SIZE" },
        { "RCPT TO:<a@b.example> NOTIFY=NEVER,SUCCESS\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4 Bad NOTIFY parameter syntax" },
        { "RCPT TO:<a@b.example> NOTIFY=SOMETIMES\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> NOTIFY=SUCCESS,NEVER\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> NOTIFY=NEVER,NEVER\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> NOTIFY=NEVER,\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> NOTIFY=,\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> NOTIFY=SUCCESS,,DELAYED\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> NOTIFY\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> ORCPT=rfc822;" + new string('o', 482) + "@example.com\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4 Bad ORCPT parameter syntax" },
        { "RCPT TO:<a@b.example> ORCPT=rfc 822;a@example.com\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> ORCPT=rfc(822);a@example.com\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> ORCPT=rfc822;a@example.com ORCPT=rfc822;b@example.com\r\n", SmtpVerb.Rcpt, SmtpCommandError.DuplicateParameter, "501 5.5.4 Duplicate ORCPT parameter" },
        { "RCPT TO:<a@b.example> RET=FULL\r\n", SmtpVerb.Rcpt, SmtpCommandError.UnknownParameter, "555 5.5.4 Unsupported option: RET" },
        { "RCPT TO:<a@b.example> NOTIFY=\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> ORCPT=bob@example.com\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4 Bad ORCPT parameter syntax" },
        { "RCPT TO:<a@b.example> ORCPT=rfc822;\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> ORCPT=rfc822;a+0Db@example.com\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> ORCPT=utf-8;\\x{D800}@example.com\r\n", SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, "501 5.5.4" },
        { "RCPT TO:<a@b.example> NOTIFY=NEVER NOTIFY=NEVER\r\n", SmtpVerb.Rcpt, SmtpCommandError.DuplicateParameter, "501 5.5.4 Duplicate NOTIFY parameter" },
        { "DATA x\r\n", SmtpVerb.Data, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: DATA" },
        { "QUIT now\r\n", SmtpVerb.Quit, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: QUIT" },
        { "RSET x\r\n", SmtpVerb.Rset, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "STARTTLS now\r\n", SmtpVerb.StartTls, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "VRFY\r\n", SmtpVerb.Vrfy, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "VRFY \xff\r\n", SmtpVerb.Vrfy, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "BDAT\r\n", SmtpVerb.Bdat, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: BDAT size [LAST]" },
        { "BDAT -1\r\n", SmtpVerb.Bdat, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "BDAT 10 LASTLY\r\n", SmtpVerb.Bdat, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "BDAT 10 LAST x\r\n", SmtpVerb.Bdat, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "BDAT 1234567890123456789\r\n", SmtpVerb.Bdat, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "AUTH\r\n", SmtpVerb.Auth, SmtpCommandError.InvalidArguments, "501 5.5.4 Syntax: AUTH mechanism [initial-response]" },
        { "AUTH PL@IN\r\n", SmtpVerb.Auth, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "AUTH ABCDEFGHIJKLMNOPQRSTU\r\n", SmtpVerb.Auth, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "AUTH PLAIN abc= def\r\n", SmtpVerb.Auth, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "AUTH PLAIN !!!!\r\n", SmtpVerb.Auth, SmtpCommandError.InvalidBase64, "501 5.5.2" },
        { "AUTH PLAIN a=bc\r\n", SmtpVerb.Auth, SmtpCommandError.InvalidBase64, "501 5.5.2" },
        { "AUTH PLAIN abcde\r\n", SmtpVerb.Auth, SmtpCommandError.InvalidBase64, "501 5.5.2" },
        { "XCLIENT\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidArguments, "501 5.5.4" },
        { "XCLIENT FOO=bar\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4 Bad XCLIENT attribute: FOO" },
        { "XCLIENT NAME\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "XCLIENT NAME=\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "XCLIENT ADDR=999.1.1.1\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4 Bad XCLIENT attribute: ADDR" },
        { "XCLIENT ADDR=[192.0.2.1]\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "XCLIENT PORT=70000\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "XCLIENT PROTO=HTTP\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "XCLIENT NAME=a.example NAME=b.example\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "XCLIENT NAME=bad+0Aname\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "XCLIENT HELO=x+0D+0AMAIL\r\n", SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, "501 5.5.4" },
        { "MAIL FROM:<a@b.example>\n", SmtpVerb.Mail, SmtpCommandError.BareLineFeed, "500 5.5.2 Error: bare <LF> received" },
        { "\n", SmtpVerb.Unknown, SmtpCommandError.BareLineFeed, "500 5.5.2" },
        { "MAIL FROM:<a\r@b.example>\r\n", SmtpVerb.Mail, SmtpCommandError.BareCarriageReturn, "500 5.5.2 Error: bare <CR> received" },
        { "RCPT TO:<a@b.example>\r\r\n", SmtpVerb.Rcpt, SmtpCommandError.BareCarriageReturn, "500 5.5.2" },
        { "RCPT TO:<a@b.example\0>\r\n", SmtpVerb.Rcpt, SmtpCommandError.NulCharacter, "500 5.5.2 Error: NUL character received" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_lines_give_a_typed_error_and_are_consumed(string line, SmtpVerb verb, SmtpCommandError error, string reply)
    {
        var bytes = Latin1OrUtf8(line);
        foreach (var sequence in Segments.AllSplits([.. bytes, .. Next]).Take(40))
        {
            var reader = new SequenceReader<byte>(sequence);

            var status = SmtpCommandParser.Default.TryParse(ref reader, out var command);

            Assert.True(status == OperationStatus.InvalidData, $"{Bytes.Show(bytes)}: {status} {command}");
            var invalid = Assert.IsType<InvalidCommand>(command);
            Assert.Equal(error, invalid.Error);
            Assert.Equal(verb, invalid.Verb);
            Assert.StartsWith(reply, invalid.Reply.ToString(), StringComparison.Ordinal);

            // The session answers and goes on with the next command.
            Assert.Equal(bytes.Length, reader.Consumed);
            Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParse(ref reader, out var next));
            Assert.IsType<NoopCommand>(next);
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void No_prefix_of_a_malformed_line_is_accepted(string line, SmtpVerb verb, SmtpCommandError error, string reply)
    {
        _ = (verb, error, reply);
        var bytes = Latin1OrUtf8(line);
        for (var length = 0; length <= bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));

            Assert.NotEqual(OperationStatus.Done, SmtpCommandParser.Default.TryParse(ref reader, out _));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00 })]
    [InlineData(new byte[] { (byte)' ', (byte)'E', (byte)'H' })]
    [InlineData(new byte[] { (byte)'1' })]
    [InlineData(new byte[] { 0xC3, 0xA9 })]
    public void A_foreign_protocol_is_refused_at_its_first_byte(byte[] input)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input));

        Assert.Equal(OperationStatus.InvalidData, SmtpCommandParser.Default.TryParse(ref reader, out var command));

        var invalid = Assert.IsType<InvalidCommand>(command);
        Assert.Equal(SmtpCommandError.NonSmtpCommand, invalid.Error);
        Assert.True(invalid.IsProtocolError);
    }

    [Fact]
    public void Only_foreign_protocols_and_broken_bdat_are_protocol_errors()
    {
        Assert.True(new InvalidCommand(SmtpVerb.Bdat, SmtpCommandError.InvalidArguments).IsProtocolError);
        Assert.True(new InvalidCommand(SmtpVerb.Unknown, SmtpCommandError.NonSmtpCommand).IsProtocolError);
        Assert.False(new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.UnknownParameter).IsProtocolError);
        Assert.False(new InvalidCommand(SmtpVerb.Unknown, SmtpCommandError.LineTooLong).IsProtocolError);
    }

    public static TheoryData<string> StrictOnly() =>
    [
        "MAIL FROM: <a@b.example>",
        "MAIL FROM:a@b.example",
        "RCPT TO:<first..last@example.jp>",
        "RCPT TO:<.user@example.jp>",
        "RCPT TO:<user.@example.jp>",
        "RCPT TO:<user>",
    ];

    [Theory]
    [MemberData(nameof(StrictOnly))]
    public void Strict_path_syntax_refuses_what_the_default_tolerates(string line)
    {
        var strict = new SmtpCommandParser(new SmtpParserOptions { StrictPathSyntax = true });
        var bytes = Bytes.Of(line + "\r\n");
        var lenientReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var strictReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParse(ref lenientReader, out _));
        Assert.Equal(OperationStatus.InvalidData, strict.TryParse(ref strictReader, out var command));
        Assert.Contains(((InvalidCommand)command).Error, new[] { SmtpCommandError.InvalidSenderAddress, SmtpCommandError.InvalidRecipientAddress });
    }

    // "\xff" in a vector stands for the octet 0xFF: the strings are Latin-1 where they hold such escapes.
    private static byte[] Latin1OrUtf8(string line) =>
        line.Any(c => c is >= '\u0080' and <= '\u00FF') ? System.Text.Encoding.Latin1.GetBytes(line) : Bytes.Of(line);
}
