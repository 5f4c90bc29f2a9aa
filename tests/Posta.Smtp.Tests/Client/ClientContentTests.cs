using System.Text;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Tests.Client;

/// <summary>What the content looks like on the wire: dot-stuffing, line endings, the end mark, BDAT chunks, 8-bit checks.</summary>
public sealed class ClientContentTests
{
    [Theory]
    [InlineData("a\r\n.b\r\n..c\r\n.\r\nend\r\n", "a\r\n..b\r\n...c\r\n..\r\nend\r\n.\r\n")]
    [InlineData(".first line\r\n", "..first line\r\n.\r\n")]
    [InlineData("bare\nline feeds\n.dot\n", "bare\r\nline feeds\r\n..dot\r\n.\r\n")]
    [InlineData("bare\rcarriage\r\rreturns\r", "bare\r\ncarriage\r\n\r\nreturns\r\n.\r\n")]
    [InlineData("no final line end", "no final line end\r\n.\r\n")]
    [InlineData("ends in a dot\r\n.", "ends in a dot\r\n..\r\n.\r\n")]
    [InlineData("", ".\r\n")]
    public async Task DATA_content_is_dot_stuffed_with_CRLF_line_endings_and_ends_in_CRLF_dot_CRLF(string content, string wire)
    {
        var sent = await SendOverDataAsync(Encoding.UTF8.GetBytes(content));

        Assert.Equal(wire, FakeServer.Text(sent));
    }

    [Fact]
    public async Task A_message_larger_than_a_block_is_streamed_whole_with_CRLFs_split_across_blocks()
    {
        // Lines of 1023 octets + LF: blocks of 64 KiB split them, and some LFs land just after a block boundary.
        var line = new string('x', 1022);
        var content = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            content.Append(i % 7 == 0 ? "." : "y").Append(line).Append(i % 2 == 0 ? "\n" : "\r\n");
        }

        var sent = await SendOverDataAsync(Encoding.ASCII.GetBytes(content.ToString()));

        var expected = content.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)
            .Replace("\r\n.", "\r\n..", StringComparison.Ordinal);
        Assert.Equal("." + expected + ".\r\n", FakeServer.Text(sent));
    }

    [Fact]
    public async Task Undeclared_8bit_content_for_a_server_without_8BITMIME_stops_before_the_block_is_sent()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING"]);
            await c.ReadLinesAsync(3);
            await c.SendAsync("250 Ok\r\n250 Ok\r\n354 go\r\n");
            Assert.True(await c.ReadsEndOfStreamAsync(), "no content, no end mark: the connection closes");
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var e = await Assert.ThrowsAsync<SmtpLocalRefusalException>(
            () => session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content("Subject: caf\u00e9\r\n\r\n")));

        Assert.Equal(LocalRefusalReason.EightBitNotSupported, e.Reason);
        Assert.True(e.ConnectionClosed);
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task BDAT_sends_counted_chunks_without_dot_stuffing_and_a_final_LAST()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);

            // No DATA in the group when BDAT follows.
            Assert.Equal(["MAIL FROM:<carol@example.net> SIZE=13", "RCPT TO:<alice@example.org>"], await c.ReadLinesAsync(2));
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
            Assert.Equal("BDAT 14", await c.ReadLineAsync());
            Assert.Equal(".a\r\nb\r\n.\r\nlast", FakeServer.Text(await c.ReadBytesAsync(14)));
            await c.SendAsync("250 2.0.0 14 octets received\r\n");
            Assert.Equal("BDAT 2 LAST", await c.ReadLineAsync());
            Assert.Equal("\r\n", FakeServer.Text(await c.ReadBytesAsync(2)));
            await c.SendAsync("250 2.0.0 Ok: queued\r\n");
            await FakeServer.QuitAsync(c);
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, UseChunking = true };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content(".a\nb\r\n.\r\nlast"));

        Assert.True(result.AllDelivered);
        Assert.Equal("Ok: queued", result.DataReply!.Text);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_refused_BDAT_chunk_stops_the_transfer_and_the_transaction_is_reset()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await c.ReadLinesAsync(2);
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
            Assert.Equal("BDAT 3", await c.ReadLineAsync());
            await c.ReadBytesAsync(3);
            await c.SendAsync("552 5.3.4 Message too big\r\n");
            Assert.Equal("RSET", await c.ReadLineAsync());
            await c.SendAsync("250 2.0.0 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, UseChunking = true };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content("x\r\n"));

        Assert.Equal(552, result.DataReply!.Code);
        Assert.Same(result.DataReply, result.Recipients[0].Reply);
        Assert.False(result.Recipients[0].Delivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task BINARYMIME_content_goes_by_BDAT_unaltered()
    {
        byte[] binary = [0, 1, (byte)'\r', 2, (byte)'\n', (byte)'.', 0xFF, (byte)'\r'];
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "8BITMIME", "CHUNKING", "BINARYMIME"]);
            Assert.Equal(["MAIL FROM:<carol@example.net> BODY=BINARYMIME", "RCPT TO:<alice@example.org>"], await c.ReadLinesAsync(2));
            await c.SendAsync("250 Ok\r\n250 Ok\r\n");
            Assert.Equal("BDAT 8", await c.ReadLineAsync());
            Assert.Equal(binary, await c.ReadBytesAsync(8));
            await c.SendAsync("250 Ok\r\n");
            Assert.Equal("BDAT 0 LAST", await c.ReadLineAsync());
            await c.SendAsync("250 Ok: queued\r\n");
            await FakeServer.QuitAsync(c);
        });

        // UseChunking is off: BINARYMIME needs BDAT regardless.
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        // A stream that cannot seek: no SIZE.
        var result = await session.SendAsync(
            FakeServer.Envelope("carol@example.net", "alice@example.org") with { Body = BodyType.BinaryMime },
            new NonSeekableStream(binary));

        Assert.True(result.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task Undeclared_8bit_content_over_BDAT_is_reset_before_its_chunk_and_the_session_stays_usable()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "CHUNKING"]);
            await c.ReadLinesAsync(2);
            await c.SendAsync("250 Ok\r\n250 Ok\r\n");
            Assert.Equal("RSET", await c.ReadLineAsync());
            await c.SendAsync("250 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, UseChunking = true };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);

        var e = await Assert.ThrowsAsync<SmtpLocalRefusalException>(
            () => session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), FakeServer.Content("caf\u00e9\r\n")));

        Assert.False(e.ConnectionClosed);
        Assert.True(session.IsConnected);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task LMTP_over_BDAT_reads_one_reply_per_recipient_after_LAST()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "CHUNKING", "8BITMIME"], SmtpDialect.Lmtp);
            await c.ReadLinesAsync(3);
            await c.SendAsync("250 Ok\r\n250 Ok\r\n250 Ok\r\n");
            Assert.Equal("BDAT 3", await c.ReadLineAsync());
            await c.ReadBytesAsync(3);
            await c.SendAsync("250 Ok\r\n");
            Assert.Equal("BDAT 0 LAST", await c.ReadLineAsync());
            await c.SendAsync("250 2.0.0 <a@example.org> Saved\r\n552 5.2.2 <b@example.org> Quota exceeded\r\n");
            await FakeServer.QuitAsync(c);
        });
        var options = new SmtpClientOptions { HelloName = FakeServer.HelloName, Dialect = SmtpDialect.Lmtp, UseChunking = true };
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, options);

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "a@example.org", "b@example.org"), FakeServer.Content("x\r\n"));

        Assert.Equal([true, false], result.Recipients.Select(r => r.Delivered));
        Assert.Equal("552 5.2.2 <b@example.org> Quota exceeded", result.Recipients[1].Reply.ToString());
        Assert.Null(result.DataReply);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    private static async Task<byte[]> SendOverDataAsync(byte[] content)
    {
        byte[] sent = [];
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, FakeServer.Modern);
            await c.ReadLinesAsync(3);
            await c.SendAsync("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
            sent = await c.ReadDataAsync();
            await c.SendAsync("250 2.0.0 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org"), new MemoryStream(content));

        Assert.True(result.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
        return sent;
    }
}
