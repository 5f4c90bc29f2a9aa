using System.Globalization;
using System.Net;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.State;
using Posta.Storage;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// The MX role handing mail to the store role: Posta's LMTP client against a real posta process
/// serving LMTP, the message read back from its store.
/// </summary>
public sealed class PostaLmtpClientTests
{
    [Fact]
    public async Task The_client_delivers_into_a_Posta_store_over_LMTP_with_a_reply_per_recipient()
    {
        await using var posta = await PostaServer.StartAsync(["lmtp"]);
        foreach (var command in new[] { new[] { "domain", "add", "example.org" }, ["user", "add", "alice@example.org", "--password-hash", "{PLAIN}x"] })
        {
            var run = await posta.RunCliAsync(command);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var message = "Subject: MX to store\r\n\r\n.leading dot\r\nGr\u00fc\u00dfe\r\n"u8.ToArray();
        var options = new SmtpClientOptions { HelloName = "mx.posta.test", Dialect = SmtpDialect.Lmtp };
        await using var session = await SmtpClientSession.ConnectAsync(new IPEndPoint(IPAddress.Loopback, posta.Ports["lmtp"]), options);
        var envelope = new Envelope("carol@example.net", [new EnvelopeRecipient("alice@example.org"), new EnvelopeRecipient("nobody@example.org")])
        {
            Body = BodyType.EightBitMime,
        };

        var result = await session.SendAsync(envelope, new MemoryStream(message));
        await session.QuitAsync();

        Assert.True(result.Recipients[0].Delivered, result.Recipients[0].Reply + "\n" + posta.Log);
        Assert.Equal("550 5.1.1", result.Recipients[1].Reply.ToString()[..9]);
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = posta.DataDirectory });
        var user = await store.Directory.GetUserAsync("alice@example.org") ?? throw new InvalidOperationException("no alice");
        var inbox = await store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException("no INBOX");
        var record = Assert.Single(await store.Mail.FetchAsync(inbox.Id, [UidRange.All]));
        await using var content = await store.Blobs.OpenReadAsync(record.BlobHash);
        using var stored = new MemoryStream();
        await content.CopyToAsync(stored);

        // Posta prepends Return-Path, Delivered-To (one user got it) and Received; the rest is the message as sent.
        var bytes = stored.ToArray();
        Assert.StartsWith("Return-Path: <carol@example.net>\r\nDelivered-To: alice@example.org\r\nReceived: from mx.posta.test ", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(bytes.AsSpan().EndsWith(message), string.Create(CultureInfo.InvariantCulture, $"{bytes.Length} octets stored"));
    }
}
