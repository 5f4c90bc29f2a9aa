using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Tests.Client;

/// <summary>LMTP (RFC 2033): one reply per accepted recipient after the content, in RCPT order.</summary>
public sealed class ClientLmtpTests
{
    [Fact]
    public async Task Each_accepted_recipient_gets_its_own_reply_after_the_content()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME"], SmtpDialect.Lmtp);
            Assert.Equal(
                ["MAIL FROM:<carol@example.net>", "RCPT TO:<a@example.org>", "RCPT TO:<unknown@example.org>", "RCPT TO:<b@example.org>", "RCPT TO:<c@example.org>", "DATA"],
                await c.ReadLinesAsync(6));
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 <unknown@example.org> User doesn't exist\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
            Assert.Equal("Hi\r\n.\r\n", FakeServer.Text(await c.ReadDataAsync()));

            // Three accepted recipients, three replies; the second is split across writes.
            await c.SendAsync("250 2.0.0 <a@example.org> Saved\r\n452 4.2.2 <b@exa");
            await c.SendAsync("mple.org> Mailbox full\r\n250 2.0.0 <c@example.org> Saved\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options(SmtpDialect.Lmtp));

        var result = await session.SendAsync(
            FakeServer.Envelope("carol@example.net", "a@example.org", "unknown@example.org", "b@example.org", "c@example.org"),
            FakeServer.Content("Hi\r\n"));

        Assert.Equal([true, false, true, true], result.Recipients.Select(r => r.Accepted));
        Assert.Equal([true, false, false, true], result.Recipients.Select(r => r.Delivered));
        Assert.Equal(
            ["250 2.0.0 <a@example.org> Saved", "550 5.1.1 <unknown@example.org> User doesn't exist", "452 4.2.2 <b@example.org> Mailbox full", "250 2.0.0 <c@example.org> Saved"],
            result.Recipients.Select(r => r.Reply.ToString()));
        Assert.Null(result.DataReply);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_connection_lost_between_recipient_replies_keeps_the_settled_ones()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING"], SmtpDialect.Lmtp);
            await c.ReadLinesAsync(4);
            await c.SendAsync("250 Ok\r\n250 Ok\r\n250 Ok\r\n354 go\r\n");
            await c.ReadDataAsync();
            await c.SendAsync("250 2.0.0 <a@example.org> Saved\r\n");
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options(SmtpDialect.Lmtp));

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(
            () => session.SendAsync(FakeServer.Envelope("carol@example.net", "a@example.org", "b@example.org"), FakeServer.Content("Hi\r\n")));

        // a was delivered and must not be sent again; b's fate is unknown.
        var settled = Assert.Single(e.SettledRecipients);
        Assert.Equal("a@example.org", settled.Address);
        Assert.True(settled.Delivered);
        Assert.Contains("<b@example.org>", e.Message, StringComparison.Ordinal);
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }
}
