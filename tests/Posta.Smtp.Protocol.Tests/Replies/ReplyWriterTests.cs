using System.Buffers;
using System.Reflection;
using System.Text;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Protocol.Tests.Replies;

public class ReplyWriterTests
{
    [Fact]
    public void A_one_line_reply_carries_the_enhanced_code_when_enabled()
    {
        Assert.Equal("250 2.0.0 Ok\r\n", Write(SmtpReplies.Ok));
        Assert.Equal("250 Ok\r\n", Write(SmtpReplies.Ok, enhanced: false));
        Assert.Equal("550 5.1.1 Recipient address rejected: User unknown\r\n", Write(SmtpReplies.MailboxUnavailable));
        Assert.Equal("354 End data with <CR><LF>.<CR><LF>\r\n", Write(SmtpReplies.StartMailInput));
    }

    [Fact]
    public void Every_line_of_a_multi_line_reply_has_code_and_enhanced_code()
    {
        var reply = new SmtpReply(550, new EnhancedStatusCode(5, 7, 1), ["first", "second", "third"]);

        Assert.Equal("550-5.7.1 first\r\n550-5.7.1 second\r\n550 5.7.1 third\r\n", Write(reply));
        Assert.Equal("550-first\r\n550-second\r\n550 third\r\n", Write(reply, enhanced: false));
    }

    [Fact]
    public void Client_text_cannot_inject_lines_or_control_characters()
    {
        var reply = SmtpReplies.MailboxUnavailable.WithText("<x\r\n250 2.0.0 Ok\0\x1b[31m\x7f\u0085>: unknown");

        Assert.Equal("550 5.1.1 <x??250 2.0.0 Ok??[31m??>: unknown\r\n", Write(reply));
    }

    [Fact]
    public void Non_ascii_is_replaced_unless_utf8_is_allowed()
    {
        var reply = SmtpReplies.RecipientOk.WithText("<δοκιμή@example.com> ok\t!");

        Assert.Equal("250 2.1.5 <??????@example.com> ok\t!\r\n", Write(reply));
        Assert.Equal("250 2.1.5 <δοκιμή@example.com> ok\t!\r\n", Write(reply, allowUtf8: true));
        Assert.Equal("250 2.1.5 a?b\r\n", Write(SmtpReplies.RecipientOk.WithText("a\ud800b"), allowUtf8: true));
    }

    [Fact]
    public void Long_lines_are_cut_to_512_octets_without_splitting_a_character()
    {
        var ascii = Write(SmtpReplies.Ok.WithText(new string('x', 1000)));
        var utf8 = Write(SmtpReplies.Ok.WithText(new string('é', 1000)), allowUtf8: true);

        Assert.Equal(512, Encoding.UTF8.GetByteCount(ascii));
        Assert.EndsWith("x\r\n", ascii, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(utf8) <= 512);
        Assert.EndsWith("é\r\n", utf8, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_the_same_reply_twice_gives_the_same_bytes()
    {
        Assert.Equal(Write(SmtpReplies.Closing), Write(SmtpReplies.Closing));
        Assert.Equal(Write(SmtpReplies.Closing, enhanced: false), Write(SmtpReplies.Closing, enhanced: false));
        Assert.NotEqual(Write(SmtpReplies.Closing), Write(SmtpReplies.Closing, enhanced: false));
    }

    [Fact]
    public void Greeting_helo_and_challenge_replies_have_no_enhanced_code()
    {
        Assert.Equal("220 mx.example.com ESMTP\r\n", Write(SmtpReplies.ServiceReady("mx.example.com")));
        Assert.Equal("250 mx.example.com\r\n", Write(SmtpReplies.HeloOk("mx.example.com")));
        Assert.Equal("334 VXNlcm5hbWU6\r\n", Write(SmtpReplies.AuthChallenge("VXNlcm5hbWU6")));

        // RFC 4954 §4: an empty challenge is "334 ".
        Assert.Equal("334 \r\n", Write(SmtpReplies.AuthChallenge(string.Empty)));
    }

    [Fact]
    public void The_one_line_overload_writes_the_same()
    {
        var buffer = new ArrayBufferWriter<byte>();

        SmtpReplyWriter.Write(buffer, 451, new EnhancedStatusCode(4, 3, 0), "Try again later");

        Assert.Equal("451 4.3.0 Try again later\r\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void A_reply_refuses_codes_and_classes_that_do_not_match()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpReply(250, new EnhancedStatusCode(5, 0, 0), "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpReply(354, new EnhancedStatusCode(2, 0, 0), "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpReply(199, null, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpReply(600, null, "x"));
        Assert.Throws<ArgumentException>(() => new SmtpReply(250, null, Array.Empty<string>()));
    }

    public static TheoryData<string> StandardReplies() =>
        [.. typeof(SmtpReplies).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(StandardReplies))]
    public void Every_standard_reply_is_well_formed_and_reads_back(string name)
    {
        var reply = (SmtpReply)typeof(SmtpReplies).GetProperty(name)!.GetValue(null)!;
        var bytes = Encoding.UTF8.GetBytes(Write(reply));

        // RFC 2034 §3: every reply but 3yz carries an enhanced code, of the reply's class.
        Assert.Equal(reply.IsPositiveIntermediate, reply.Status is null);
        Assert.All(Encoding.ASCII.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.Length <= 510));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        Assert.Equal(OperationStatus.Done, new SmtpReplyParser().TryParse(ref reader, out var parsed, out _));
        Assert.Equal(reply.ToString(), parsed!.ToString());
    }

    [Fact]
    public void Command_errors_map_to_the_replies_the_rfcs_give()
    {
        Assert.Equal("555 5.5.4 Unsupported option: FOO", new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.UnknownParameter, "FOO").Reply.ToString());
        Assert.Equal("501 5.1.7 Bad sender address syntax", new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress).Reply.ToString());
        Assert.Equal("501 5.1.3 Bad recipient address syntax", new InvalidCommand(SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress).Reply.ToString());
        Assert.Equal("502 5.5.1 Error: command not implemented", new InvalidCommand(SmtpVerb.Expn, SmtpCommandError.NotImplemented).Reply.ToString());
        Assert.Equal("500 5.5.2 Error: command not recognized", new InvalidCommand(SmtpVerb.Unknown, SmtpCommandError.UnrecognizedCommand).Reply.ToString());
        Assert.Equal("501 5.5.2 Cannot Base64-decode client response", new InvalidCommand(SmtpVerb.Auth, SmtpCommandError.InvalidBase64).Reply.ToString());
        foreach (var error in Enum.GetValues<SmtpCommandError>())
        {
            var reply = new InvalidCommand(SmtpVerb.Mail, error, "X").Reply;
            Assert.True(reply.Code is >= 500 and < 600, $"{error}: {reply}");
        }
    }

    private static string Write(SmtpReply reply, bool enhanced = true, bool allowUtf8 = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SmtpReplyWriter.Write(buffer, reply, enhanced, allowUtf8);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
