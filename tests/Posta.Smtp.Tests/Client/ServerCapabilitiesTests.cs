using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Tests.Client;

/// <summary>Reading a peer's EHLO reply.</summary>
public sealed class ServerCapabilitiesTests
{
    [Fact]
    public void Posta_own_EHLO_reply_reads_back_as_what_was_advertised()
    {
        var advertised = new SmtpExtensions
        {
            Pipelining = true,
            MaxMessageSize = 52428800,
            EightBitMime = true,
            SmtpUtf8 = true,
            EnhancedStatusCodes = true,
            Chunking = true,
            BinaryMime = true,
            Dsn = true,
            StartTls = true,
            AuthMechanisms = ["PLAIN", "SCRAM-SHA-256"],
            RequireTls = true,
        };

        var read = ServerCapabilities.Parse(advertised.EhloReply("mx.example.org", "at your service"));

        Assert.Equal("mx.example.org", read.Domain);
        Assert.True(read.Pipelining && read.EightBitMime && read.SmtpUtf8 && read.EnhancedStatusCodes && read.Chunking && read.BinaryMime && read.Dsn && read.StartTls && read.RequireTls);
        Assert.Equal(52428800, read.MaxMessageSize);
        Assert.Equal(["PLAIN", "SCRAM-SHA-256"], read.AuthMechanisms);
    }

    [Theory]
    [InlineData("SIZE", 0L)]
    [InlineData("SIZE 0", 0L)]
    [InlineData("size 12345", 12345L)]
    [InlineData("SIZE lots", 0L)]
    public void SIZE_without_a_usable_number_means_no_fixed_limit(string line, long expected)
    {
        var read = ServerCapabilities.Parse(new SmtpReply(250, null, ["mx.example.org", line]));

        Assert.Equal(expected, read.MaxMessageSize);
    }

    [Fact]
    public void Old_style_AUTH_equals_lines_add_to_AUTH()
    {
        var read = ServerCapabilities.Parse(new SmtpReply(250, null, ["mx.example.org", "AUTH LOGIN PLAIN", "AUTH=LOGIN CRAM-MD5"]));

        Assert.Equal(["LOGIN", "PLAIN", "CRAM-MD5"], read.AuthMechanisms);
        Assert.Null(read.MaxMessageSize);
        Assert.False(read.Pipelining);
    }

    [Fact]
    public void Only_a_250_is_an_EHLO_reply() =>
        Assert.Throws<ArgumentException>(() => ServerCapabilities.Parse(new SmtpReply(502, null, "no")));
}
