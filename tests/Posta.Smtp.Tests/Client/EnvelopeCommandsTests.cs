using System.Buffers;
using System.Text;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;

namespace Posta.Smtp.Tests.Client;

/// <summary>What the client writes reads back through Posta's own parser as what was meant.</summary>
public sealed class EnvelopeCommandsTests
{
    [Theory]
    [InlineData("rfc822", "alice@example.org")]
    [InlineData("rfc822", "a+b=c\\d@example.org")]
    [InlineData("rfc822", "jörg@bücher.example")]
    [InlineData("utf-8", "plain@example.org")]
    [InlineData("utf-8", "用户@例子.广告")]
    public void ORCPT_round_trips_through_the_parser(string type, string address)
    {
        var recipient = new EnvelopeRecipient("x@example.org") { OriginalRecipient = new OriginalRecipient(type, address), Notify = DsnNotify.Delay | DsnNotify.Failure };

        var line = EnvelopeCommands.Rcpt(recipient, dsn: true, out var refusal);

        Assert.Null(refusal);
        var command = Assert.IsType<RcptCommand>(Parse(line!));
        Assert.Equal(address, command.Parameters.OriginalRecipient!.Address);
        Assert.Equal(DsnNotify.Delay | DsnNotify.Failure, command.Parameters.Notify);
        Assert.True(Ascii.IsValid(line), "ORCPT needs no SMTPUTF8");
    }

    [Fact]
    public void MAIL_parameters_read_back_as_given()
    {
        var capabilities = ServerCapabilities.Parse(new Protocol.Replies.SmtpReply(250, null, ["mx", "SIZE 1000", "8BITMIME", "DSN", "SMTPUTF8", "REQUIRETLS"]));
        var envelope = new Envelope("sender@example.net", []) { Body = BodyType.EightBitMime, Return = DsnReturn.Full, EnvelopeId = "a b+c", RequireTls = true };

        var line = EnvelopeCommands.Mail(envelope, capabilities, 42, smtpUtf8: true, dsn: true, out var refusal);

        Assert.Null(refusal);
        var command = Assert.IsType<MailCommand>(Parse(line!));
        Assert.Equal(new Mailbox("sender", "example.net"), command.ReversePath);
        Assert.Equal(
            new MailParameters { Size = 42, Body = BodyType.EightBitMime, SmtpUtf8 = true, Return = DsnReturn.Full, EnvelopeId = "a b+c", RequireTls = true },
            command.Parameters);
    }

    [Fact]
    public void An_ENVID_too_long_or_not_ASCII_is_refused_locally()
    {
        var capabilities = ServerCapabilities.Parse(new Protocol.Replies.SmtpReply(250, null, ["mx", "DSN"]));

        Assert.Null(EnvelopeCommands.Mail(new Envelope("a@example.net", []) { EnvelopeId = new string('x', 101) }, capabilities, null, false, true, out var tooLong));
        Assert.Null(EnvelopeCommands.Mail(new Envelope("a@example.net", []) { EnvelopeId = "caf\u00e9" }, capabilities, null, false, true, out var notAscii));

        Assert.Equal(501, tooLong!.Code);
        Assert.Equal(501, notAscii!.Code);
    }

    [Theory]
    [InlineData("\"john doe\"@example.org", true)]
    [InlineData("first..last@example.jp", true)]
    [InlineData("Postmaster", true)]
    [InlineData("a@b@example.org", false)]
    [InlineData("a@example.org\r\nRSET", false)]
    [InlineData("a@example.org> NOTIFY=NEVER", false)]
    [InlineData("", false)]
    public void Recipient_addresses_are_checked_by_the_parser(string address, bool valid)
    {
        var line = EnvelopeCommands.Rcpt(new EnvelopeRecipient(address), dsn: false, out var refusal);

        Assert.Equal(valid, line is not null);
        Assert.Equal(valid, refusal is null);
    }

    private static SmtpCommand Parse(byte[] line)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(line));
        Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParse(ref reader, out var command));
        Assert.True(reader.End);
        return command;
    }
}
