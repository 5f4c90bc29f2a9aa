using System.Buffers;
using System.Text;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Protocol.Tests.Replies;

public class EhloReplyTests
{
    [Fact]
    public void The_ehlo_reply_lists_every_advertised_extension()
    {
        var extensions = new SmtpExtensions
        {
            Pipelining = true,
            MaxMessageSize = 10_240_000,
            StartTls = true,
            AuthMechanisms = ["PLAIN", "LOGIN"],
            XClient = XClientAttributes.Name | XClientAttributes.Addr | XClientAttributes.Proto | XClientAttributes.Helo | XClientAttributes.Login,
            EnhancedStatusCodes = true,
            EightBitMime = true,
            Dsn = true,
            SmtpUtf8 = true,
            Chunking = true,
            BinaryMime = true,
            RequireTls = true,
        };

        var text = Write(extensions.EhloReply("mx.example.com", "Hello client.example"));

        Assert.Equal(
            "250-mx.example.com Hello client.example\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n"
            + "250-XCLIENT NAME ADDR PROTO HELO LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n"
            + "250-CHUNKING\r\n250-BINARYMIME\r\n250 REQUIRETLS\r\n",
            text);
    }

    [Fact]
    public void A_bare_ehlo_reply_is_one_line()
    {
        Assert.Equal("250 mx.example.com\r\n", Write(new SmtpExtensions().EhloReply("mx.example.com")));
        Assert.Equal("250-mx.example.com\r\n250 SIZE 0\r\n", Write(new SmtpExtensions { MaxMessageSize = 0 }.EhloReply("mx.example.com")));
    }

    [Fact]
    public void Combinations_the_rfcs_forbid_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SmtpExtensions { BinaryMime = true }.EhloReply("mx"));
        Assert.Throws<ArgumentException>(() => new SmtpExtensions { SmtpUtf8 = true }.EhloReply("mx"));
        Assert.Throws<ArgumentException>(() => new SmtpExtensions { AuthMechanisms = ["plain"] }.Validate());
        Assert.Throws<ArgumentException>(() => new SmtpExtensions { AuthMechanisms = ["A-MECHANISM-NAME-TOO-LONG"] }.Validate());
        Assert.Throws<ArgumentException>(() => new SmtpExtensions { MaxMessageSize = -1 }.Validate());
    }

    [Fact]
    public void The_client_reads_the_ehlo_reply_back()
    {
        var extensions = new SmtpExtensions { Pipelining = true, EnhancedStatusCodes = true, Chunking = true, AuthMechanisms = ["PLAIN"] };
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(Write(extensions.EhloReply("mx.example.com")))));

        Assert.Equal(OperationStatus.Done, new SmtpReplyParser().TryParse(ref reader, out var reply, out _));

        Assert.Equal(250, reply!.Code);
        Assert.Null(reply.Status);
        Assert.Equal(["mx.example.com", "PIPELINING", "AUTH PLAIN", "ENHANCEDSTATUSCODES", "CHUNKING"], reply.Lines);
    }

    private static string Write(SmtpReply reply)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SmtpReplyWriter.Write(buffer, reply);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
