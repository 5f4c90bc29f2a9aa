using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Tests.Client;

/// <summary>MAIL, RCPT and DATA against a scripted SMTP server: pipelining, refusals, parameters, timeouts.</summary>
public sealed class ClientTransactionTests
{
    [Fact]
    public async Task With_PIPELINING_MAIL_RCPTs_and_DATA_go_in_one_group_and_replies_are_matched_in_order()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);

            // All four commands arrive before the server says anything.
            Assert.Equal(
                ["MAIL FROM:<carol@example.net> SIZE=10 BODY=7BIT", "RCPT TO:<alice@example.org>", "RCPT TO:<nobody@example.org>", "RCPT TO:<bob@example.org>", "DATA"],
                await c.ReadLinesAsync(5));
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 <nobody@example.org>: Recipient address rejected\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
            Assert.Equal("Hello.\r\n\r\n.\r\n", FakeServer.Text(await c.ReadDataAsync()));
            await c.SendAsync("250 2.0.0 Ok: queued as 4XyZ\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());
        var envelope = FakeServer.Envelope("carol@example.net", "alice@example.org", "nobody@example.org", "bob@example.org") with { Body = BodyType.SevenBit };

        var result = await session.SendAsync(envelope, FakeServer.Content("Hello.\r\n\r\n"));

        Assert.Equal(new EnhancedStatusCode(2, 1, 0), result.MailReply.Status);
        Assert.Equal("Ok: queued as 4XyZ", result.DataReply!.Text);
        Assert.Equal(["alice@example.org", "nobody@example.org", "bob@example.org"], result.Recipients.Select(r => r.Address));
        Assert.Equal([true, false, true], result.Recipients.Select(r => r.Accepted));
        Assert.Equal([true, false, true], result.Recipients.Select(r => r.Delivered));
        Assert.Equal("550 5.1.1 <nobody@example.org>: Recipient address rejected", result.Recipients[1].Reply.ToString());
        Assert.Same(result.DataReply, result.Recipients[0].Reply);
        Assert.False(result.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task Without_PIPELINING_each_command_waits_for_its_reply()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["8BITMIME"]);
            foreach (var (command, reply) in new[] { ("MAIL FROM:<carol@example.net>", "250 ok"), ("RCPT TO:<alice@example.org>", "250 ok"), ("DATA", "354 go ahead") })
            {
                Assert.Equal(command, await c.ReadLineAsync());
                Assert.True(await c.IsQuietForAsync(TimeSpan.FromMilliseconds(150)), $"nothing after {command} before its reply");
                await c.SendAsync(reply + "\r\n");
            }

            Assert.Equal("x\r\n.\r\n", FakeServer.Text(await c.ReadDataAsync()));
            await c.SendAsync("250 queued\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content("x\r\n"));

        Assert.True(result.AllDelivered);
        Assert.Null(result.MailReply.Status);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task When_every_RCPT_is_refused_a_pipelined_354_gets_the_end_mark_alone_and_the_next_transaction_works()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await c.ReadLinesAsync(3);
            await c.SendAsync("250 2.1.0 Ok\r\n550 5.1.1 unknown\r\n354 go ahead anyway\r\n");

            // RFC 2920 §3.1: no content, only the end of data.
            Assert.Equal(".\r\n", FakeServer.Text(await c.ReadDataAsync()));
            await c.SendAsync("554 5.5.1 Error: no valid recipients\r\n");

            Assert.Equal(["MAIL FROM:<> SIZE=3", "RCPT TO:<alice@example.org>", "DATA"], await c.ReadLinesAsync(3));
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
            Assert.Equal("x\r\n.\r\n", FakeServer.Text(await c.ReadDataAsync()));
            await c.SendAsync("250 2.0.0 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var refused = await session.SendAsync(FakeServer.Envelope("carol@example.net", "nobody@example.org"), FakeServer.Content("never sent\r\n"));
        var second = await session.SendAsync(FakeServer.Envelope(string.Empty, "alice@example.org"), FakeServer.Content("x\r\n"));

        var only = Assert.Single(refused.Recipients);
        Assert.False(only.Accepted);
        Assert.Equal(550, only.Reply.Code);
        Assert.Equal(554, refused.DataReply!.Code);
        Assert.True(second.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_transaction_left_open_is_reset_before_the_next()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["8BITMIME"]);
            Assert.Equal("MAIL FROM:<carol@example.net>", await c.ReadLineAsync());
            await c.SendAsync("250 ok\r\n");
            Assert.Equal("RCPT TO:<nobody@example.org>", await c.ReadLineAsync());
            await c.SendAsync("550 5.1.1 no such user\r\n");
            Assert.Equal("RSET", await c.ReadLineAsync());
            await c.SendAsync("250 2.0.0 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "nobody@example.org"), FakeServer.Content("x\r\n"));

        Assert.Null(result.DataReply);
        Assert.Equal("no such user", result.Recipients[0].Reply.Text);
        Assert.True(session.IsConnected);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_refused_MAIL_decides_every_recipient()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await c.ReadLinesAsync(4);
            await c.SendAsync("553 5.7.1 <spammer@example.net>: Sender address rejected\r\n503 5.5.1 need MAIL\r\n503 5.5.1 need MAIL\r\n503 5.5.1 need MAIL\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var result = await session.SendAsync(FakeServer.Envelope("spammer@example.net", "a@example.org", "b@example.org"), FakeServer.Content("x\r\n"));

        Assert.All(result.Recipients, r => Assert.Same(result.MailReply, r.Reply));
        Assert.Null(result.DataReply);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_421_in_the_middle_of_a_pipelined_group_ends_the_conversation_and_applies_to_everyone_waiting()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await c.ReadLinesAsync(5);
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n421 4.3.2 Shutting down\r\n");
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "a@example.org", "b@example.org", "c@example.org"), FakeServer.Content("x\r\n"));

        Assert.Equal([true, false, false], result.Recipients.Select(r => r.Accepted));
        Assert.All(result.Recipients, r => Assert.Equal(421, r.Reply.Code));
        Assert.All(result.Recipients, r => Assert.False(r.Delivered));
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task DSN_parameters_go_to_a_server_that_offers_DSN()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            Assert.Equal(
                [
                    "MAIL FROM:<carol@example.net> SIZE=3 BODY=8BITMIME RET=HDRS ENVID=QQ+2Bid+3D1",
                    "RCPT TO:<alice@example.org> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;list+2Balice@example.org",
                    "RCPT TO:<bob@example.org> NOTIFY=NEVER ORCPT=utf-8;j\\x{F6}rg@example.org",
                    "DATA",
                ],
                await c.ReadLinesAsync(4));
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
            await c.ReadDataAsync();
            await c.SendAsync("250 2.0.0 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());
        var envelope = new Envelope(
            "carol@example.net",
            [
                new EnvelopeRecipient("alice@example.org") { Notify = DsnNotify.Success | DsnNotify.Failure, OriginalRecipient = new OriginalRecipient("rfc822", "list+alice@example.org") },
                new EnvelopeRecipient("bob@example.org") { Notify = DsnNotify.Never, OriginalRecipient = new OriginalRecipient("rfc822", "jörg@example.org") },
            ])
        {
            Body = BodyType.EightBitMime,
            Return = DsnReturn.Headers,
            EnvelopeId = "QQ+id=1",
        };

        var result = await session.SendAsync(envelope, FakeServer.Content("x\r\n"));

        Assert.True(result.DsnParametersSent);
        Assert.True(result.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task DSN_parameters_are_left_out_for_a_server_without_DSN_and_the_result_says_so()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "8BITMIME"]);
            Assert.Equal(["MAIL FROM:<carol@example.net>", "RCPT TO:<alice@example.org>", "DATA"], await c.ReadLinesAsync(3));
            await c.SendAsync("250 Ok\r\n250 Ok\r\n354 go\r\n");
            await c.ReadDataAsync();
            await c.SendAsync("250 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());
        var envelope = new Envelope("carol@example.net", [new EnvelopeRecipient("alice@example.org") { Notify = DsnNotify.Success }])
        {
            Return = DsnReturn.Full,
            EnvelopeId = "id1",
        };

        var result = await session.SendAsync(envelope, FakeServer.Content("x\r\n"));

        Assert.False(result.DsnParametersSent);
        Assert.True(result.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_message_over_the_servers_SIZE_is_refused_without_sending_anything()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "SIZE 100"]);
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var e = await Assert.ThrowsAsync<SmtpLocalRefusalException>(
            () => session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content(new string('x', 150))));

        Assert.Equal(LocalRefusalReason.MessageTooLarge, e.Reason);
        Assert.Equal("552 5.3.4 Message size 150 exceeds the server's limit of 100 octets", e.LocalReply.ToString());
        Assert.False(e.ConnectionClosed);
        Assert.True(session.IsConnected);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Theory]
    [InlineData(BodyType.EightBitMime, false, false, LocalRefusalReason.EightBitNotSupported, "554 5.6.3")]
    [InlineData(BodyType.BinaryMime, false, false, LocalRefusalReason.BinaryNotSupported, "554 5.6.3")]
    [InlineData(BodyType.Unspecified, true, false, LocalRefusalReason.SmtpUtf8NotSupported, "553 5.6.7")]
    [InlineData(BodyType.Unspecified, false, true, LocalRefusalReason.RequireTlsNotSupported, "550 5.7.30")]
    public async Task What_the_server_cannot_take_is_refused_locally(BodyType body, bool smtpUtf8, bool requireTls, LocalRefusalReason reason, string code)
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            // Pipelining only: no 8BITMIME, SMTPUTF8, CHUNKING or REQUIRETLS (and no TLS).
            await FakeServer.GreetAsync(c, ["PIPELINING"]);
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());
        var envelope = FakeServer.Envelope("carol@example.net", "alice@example.org") with { Body = body, SmtpUtf8 = smtpUtf8, RequireTls = requireTls };

        var e = await Assert.ThrowsAsync<SmtpLocalRefusalException>(() => session.SendAsync(envelope, FakeServer.Content("x\r\n")));

        Assert.Equal(reason, e.Reason);
        Assert.StartsWith(code + " ", e.LocalReply.ToString(), StringComparison.Ordinal);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_non_ASCII_address_needs_SMTPUTF8_and_gets_it_when_offered()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            Assert.Equal(["MAIL FROM:<carol@example.net> SIZE=3 SMTPUTF8", "RCPT TO:<jörg@bücher.example>", "DATA"], await c.ReadLinesAsync(3));
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
            await c.ReadDataAsync();
            await c.SendAsync("250 2.0.0 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "jörg@bücher.example"), FakeServer.Content("x\r\n"));

        Assert.True(result.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task An_address_that_would_smuggle_a_command_or_parameter_is_never_sent()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            Assert.Equal(["MAIL FROM:<carol@example.net> SIZE=3", "RCPT TO:<alice@example.org>", "DATA"], await c.ReadLinesAsync(3));
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
            await c.ReadDataAsync();
            await c.SendAsync("250 2.0.0 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());
        var envelope = FakeServer.Envelope("carol@example.net", "evil@example.org>\r\nRSET", "alice@example.org", "x@example.org> ORCPT=rfc822;y");

        var result = await session.SendAsync(envelope, FakeServer.Content("x\r\n"));

        Assert.Equal([false, true, false], result.Recipients.Select(r => r.Accepted));
        Assert.Equal("553 5.1.3", result.Recipients[0].Reply.ToString()[..9]);
        Assert.Equal("553 5.1.3", result.Recipients[2].Reply.ToString()[..9]);
        Assert.True(result.Recipients[1].Delivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_bad_sender_address_is_a_local_refusal()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var e = await Assert.ThrowsAsync<SmtpLocalRefusalException>(
            () => session.SendAsync(FakeServer.Envelope("two words@example.net", "alice@example.org"), FakeServer.Content("x\r\n")));

        Assert.Equal(LocalRefusalReason.InvalidEnvelope, e.Reason);
        Assert.Equal(new EnhancedStatusCode(5, 1, 7), e.LocalReply.Status);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_silent_RCPT_reply_times_out_and_closes_the_session()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["8BITMIME"]);
            Assert.Equal("MAIL FROM:<carol@example.net>", await c.ReadLineAsync());
            await c.SendAsync("250 ok\r\n");
            Assert.Equal("RCPT TO:<alice@example.org>", await c.ReadLineAsync());
            Assert.True(await c.ReadsEndOfStreamAsync(), "the client hangs up when RCPT times out");
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, RcptTimeout = TimeSpan.FromMilliseconds(300) };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);

        var e = await Assert.ThrowsAsync<SmtpTimeoutException>(() => session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content("x\r\n")));

        Assert.Equal("the reply to RCPT TO", e.WaitingFor);
        Assert.Empty(e.SettledRecipients);
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_silent_end_of_data_times_out_after_the_DATA_termination_timeout()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await c.ReadLinesAsync(3);
            await c.SendAsync("250 Ok\r\n250 Ok\r\n354 go\r\n");
            await c.ReadDataAsync();
            Assert.True(await c.ReadsEndOfStreamAsync());
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, DataTerminationTimeout = TimeSpan.FromMilliseconds(300) };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);

        var e = await Assert.ThrowsAsync<SmtpTimeoutException>(() => session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content("x\r\n")));

        Assert.Equal("the reply to the end of data", e.WaitingFor);
        Assert.Equal(TimeSpan.FromMilliseconds(300), e.Timeout);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_server_that_stops_reading_the_content_times_out_a_data_block_write()
    {
        var clientDone = new TaskCompletionSource();
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING"]);
            await c.ReadLinesAsync(3);
            await c.SendAsync("250 Ok\r\n250 Ok\r\n354 go\r\n");

            // Read nothing more: the socket buffers fill and the client's writes stall.
            await clientDone.Task;
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, DataBlockTimeout = TimeSpan.FromMilliseconds(500) };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);
        var content = new byte[64 * 1024 * 1024];
        content.AsSpan().Fill((byte)'x');

        var e = await Assert.ThrowsAsync<SmtpTimeoutException>(() => session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), new MemoryStream(content)));
        clientDone.SetResult();

        Assert.Equal("a write of the content", e.WaitingFor);
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_refused_DATA_settles_the_accepted_recipients_and_the_transaction_is_reset()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await c.ReadLinesAsync(3);
            await c.SendAsync("250 Ok\r\n250 Ok\r\n451 4.3.0 try later\r\n");
            Assert.Equal("RSET", await c.ReadLineAsync());
            await c.SendAsync("250 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content("x\r\n"));

        var recipient = Assert.Single(result.Recipients);
        Assert.True(recipient.Accepted);
        Assert.False(recipient.Delivered);
        Assert.Equal("451 4.3.0 try later", recipient.Reply.ToString());
        Assert.Same(recipient.Reply, result.DataReply);
        await session.QuitAsync();
        await server.FinishAsync();
    }
}
