using System.Net.Sockets;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;
using Posta.Testing;

namespace Posta.Smtp.Tests.Client;

/// <summary>Greeting, EHLO/LHLO/HELO, reply framing and limits, QUIT, against a scripted server.</summary>
public sealed class ClientConnectionTests
{
    [Fact]
    public async Task Replies_split_across_reads_and_lines_are_reassembled()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            // The greeting arrives three octets at a time, the EHLO reply in uneven pieces.
            await c.SendInPiecesAsync("220-fake.test ESMTP\r\n220 second line\r\n", 3, TimeSpan.FromMilliseconds(2));
            Assert.Equal("EHLO client.test", await c.ReadLineAsync());
            await c.SendInPiecesAsync(FakeServer.HelloReply(["PIPELINING", "SIZE 1000", "auth plain LOGIN", "X-CUSTOM a b"]), 7, TimeSpan.FromMilliseconds(2));
            await FakeServer.QuitAsync(c);
        });

        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options(), CancellationToken.None);

        Assert.Equal(220, session.Greeting.Code);
        Assert.Equal(["fake.test ESMTP", "second line"], session.Greeting.Lines);
        Assert.Equal("fake.test", session.Capabilities.Domain);
        Assert.True(session.Capabilities.Pipelining);
        Assert.Equal(1000, session.Capabilities.MaxMessageSize);
        Assert.Equal(["PLAIN", "LOGIN"], session.Capabilities.AuthMechanisms);
        Assert.Equal("a b", session.Capabilities.Keywords["X-CUSTOM"]);
        Assert.True(session.Capabilities.Has("x-custom"));
        Assert.False(session.Capabilities.EightBitMime);
        await session.QuitAsync();
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task LMTP_greets_with_LHLO()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "8BITMIME"], SmtpDialect.Lmtp);
            await FakeServer.QuitAsync(c);
        });

        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options(SmtpDialect.Lmtp));

        Assert.Equal(SmtpDialect.Lmtp, session.Dialect);
        Assert.True(session.Capabilities.EightBitMime);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_server_that_refuses_EHLO_gets_HELO_and_no_extensions_are_assumed()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await c.SendAsync("220 old.test SMTP\r\n");
            Assert.Equal("EHLO client.test", await c.ReadLineAsync());
            await c.SendAsync("502 5.5.1 Command not implemented\r\n");
            Assert.Equal("HELO client.test", await c.ReadLineAsync());
            await c.SendAsync("250 old.test\r\n");
            await FakeServer.QuitAsync(c);
        });

        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        Assert.Same(ServerCapabilities.None, session.Capabilities);
        Assert.False(session.Capabilities.Pipelining);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_554_greeting_is_a_command_exception_carrying_the_reply()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await c.SendAsync("554 5.7.1 No SMTP service here\r\n");
            Assert.True(await c.ReadsEndOfStreamAsync(), "the client hangs up without a word");
        });

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options()));

        Assert.Equal("the greeting", e.Command);
        Assert.Equal(554, e.ServerReply.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 1), e.ServerReply.Status);
        await server.FinishAsync();
    }

    [Fact]
    public async Task LMTP_does_not_fall_back_to_HELO()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await c.SendAsync("220 fake.test LMTP\r\n");
            Assert.Equal("LHLO client.test", await c.ReadLineAsync());
            await c.SendAsync("500 5.5.2 What?\r\n");
            Assert.True(await c.ReadsEndOfStreamAsync());
        });

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options(SmtpDialect.Lmtp)));

        Assert.Equal("LHLO", e.Command);
        await server.FinishAsync();
    }

    [Theory]
    [InlineData("220 fake.test\n", SmtpReplyError.BareLineFeed)]
    [InlineData("hello there\r\n", SmtpReplyError.InvalidSyntax)]
    [InlineData("220-fake.test\r\n250 mixed codes\r\n", SmtpReplyError.InconsistentCode)]
    public async Task A_greeting_that_is_not_a_reply_is_a_protocol_error(string greeting, SmtpReplyError error)
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await c.SendAsync(greeting);
            Assert.True(await c.ReadsEndOfStreamAsync());
        });

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options()));

        Assert.Equal(error, e.ReplyError);
        Assert.Null(e.Reply);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_reply_line_over_the_limit_fails_before_the_line_ends()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, []);
            Assert.Equal("QUIT", await c.ReadLineAsync());

            // 600 octets without CRLF: the client gives up at its 512-octet limit, without the rest.
            await c.SendAsync("221 " + new string('x', 596));
            Assert.True(await c.ReadsEndOfStreamAsync());
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, MaxReplyLineLength = 512 };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => session.QuitAsync());

        Assert.Equal(SmtpReplyError.LineTooLong, e.ReplyError);
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_reply_with_more_lines_than_the_cap_is_a_protocol_error()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await c.SendAsync(string.Concat(Enumerable.Repeat("220-spam\r\n", 10)) + "220 end\r\n");
            Assert.True(await c.ReadsEndOfStreamAsync());
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, MaxReplyLines = 5 };

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => SmtpClientSession.ConnectAsync(server.EndPoint, options));

        Assert.Equal(SmtpReplyError.TooManyLines, e.ReplyError);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_silent_server_times_out_on_the_greeting()
    {
        await using var server = ScriptedServer.Start(async c => Assert.True(await c.ReadsEndOfStreamAsync()));
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, GreetingTimeout = TimeSpan.FromMilliseconds(300) };

        var started = DateTime.UtcNow;
        var e = await Assert.ThrowsAsync<SmtpTimeoutException>(() => SmtpClientSession.ConnectAsync(server.EndPoint, options));

        Assert.Equal("the greeting", e.WaitingFor);
        Assert.Equal(TimeSpan.FromMilliseconds(300), e.Timeout);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_server_that_hangs_up_mid_reply_is_a_protocol_error()
    {
        await using var server = ScriptedServer.Start(c => c.SendAsync("220-fake.test\r\n220 still"));

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options()));

        Assert.Contains("closed the connection", e.Message, StringComparison.Ordinal);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_unix_socket_endpoint_connects()
    {
        using var dir = new TempDirectory("posta-client");
        var path = dir.Combine("lmtp.sock");
        await using var server = ScriptedServer.Start(
            async c =>
            {
                await FakeServer.GreetAsync(c, ["PIPELINING"], SmtpDialect.Lmtp);
                await FakeServer.QuitAsync(c);
            },
            path);

        await using var session = await SmtpClientSession.ConnectAsync(new UnixDomainSocketEndPoint(path), FakeServer.Options(SmtpDialect.Lmtp));

        Assert.True(session.Capabilities.Pipelining);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_closed_session_refuses_further_use()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, []);
            await FakeServer.QuitAsync(c);
        });
        var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());
        await session.QuitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.SendAsync(FakeServer.Envelope("a@example.net", "b@example.org"), FakeServer.Content("x\r\n")));
        await session.DisposeAsync();
        await server.FinishAsync();
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new SmtpClientOptions { HelloName = "two words" }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpClientOptions { HelloName = "ok.test", MailTimeout = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmtpClientOptions { HelloName = "ok.test", MaxReplyLineLength = 100 }.Validate());
        new SmtpClientOptions { HelloName = "[192.0.2.1]", DataTerminationTimeout = Timeout.InfiniteTimeSpan }.Validate();
    }
}
