using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Posta.Storage;
using Posta.Testing;

namespace Posta.Server.Tests;

/// <summary>The real <c>posta serve</c> taking mail over LMTP, on TCP and on a unix socket.</summary>
public sealed class LmtpServerTests
{
    [Fact]
    public async Task A_message_delivered_over_LMTP_on_TCP_is_in_the_users_INBOX()
    {
        await using var server = await PostaServer.StartAsync(["lmtp"]);
        await AddUsersAsync(server, "alice@example.org", "bob@example.org");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.Ports["lmtp"]);
        await using var lmtp = new LmtpLineClient(tcp.GetStream());

        Assert.Equal("220 posta.test LMTP Posta ready", await lmtp.ReadReplyAsync());
        Assert.Contains("250 SMTPUTF8", await lmtp.CommandAsync("LHLO mta.example.net"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0", await lmtp.CommandAsync("MAIL FROM:<carol@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", await lmtp.CommandAsync("RCPT TO:<alice@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("550 5.1.1", await lmtp.CommandAsync("RCPT TO:<nobody@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", await lmtp.CommandAsync("RCPT TO:<bob+news@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("354", await lmtp.CommandAsync("DATA"), StringComparison.Ordinal);
        await lmtp.SendAsync(Message("over tcp") + ".\r\n");
        Assert.StartsWith("250 2.0.0 <alice@example.org>", await lmtp.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0 <bob+news@example.org>", await lmtp.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("221", await lmtp.CommandAsync("QUIT"), StringComparison.Ordinal);

        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = server.DataDirectory });
        foreach (var user in new[] { "alice@example.org", "bob@example.org" })
        {
            var text = Assert.Single(await LmtpStoreReader.InboxAsync(store, user));
            Assert.StartsWith("Return-Path: <carol@example.net>\r\nReceived: from mta.example.net ([127.0.0.1])\r\n\tby posta.test (Posta) with LMTP id ", text, StringComparison.Ordinal);
            Assert.EndsWith(Message("over tcp"), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LMTP_works_on_a_unix_socket()
    {
        using var dir = new TempDirectory("posta-lmtp-sock");
        var socketPath = dir.Combine("lmtp.sock");
        await using var server = await PostaServer.StartAsync([], extraArguments: ["--listen", "lmtp=unix:" + socketPath]);
        await AddUsersAsync(server, "alice@example.org");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        await using var lmtp = new LmtpLineClient(new NetworkStream(socket, ownsSocket: false));

        Assert.StartsWith("220 posta.test LMTP", await lmtp.ReadReplyAsync(), StringComparison.Ordinal);
        await lmtp.CommandAsync("LHLO mta.example.net");
        await lmtp.CommandAsync("MAIL FROM:<carol@example.net>");
        Assert.StartsWith("250 2.1.5", await lmtp.CommandAsync("RCPT TO:<alice@example.org>"), StringComparison.Ordinal);
        await lmtp.CommandAsync("DATA");
        await lmtp.SendAsync(Message("over a unix socket") + ".\r\n");
        Assert.StartsWith("250 2.0.0", await lmtp.ReadReplyAsync(), StringComparison.Ordinal);

        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = server.DataDirectory });
        var text = Assert.Single(await LmtpStoreReader.InboxAsync(store, "alice@example.org"));
        Assert.Contains("Received: from mta.example.net (unix socket)", text, StringComparison.Ordinal);
        Assert.EndsWith(Message("over a unix socket"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_message_acknowledged_before_a_kill_9_is_there_after_restart()
    {
        using var data = new TempDirectory("posta-data");
        var acknowledged = new List<string>();
        await using (var server = await PostaServer.StartAsync(["lmtp"], data.Path))
        {
            await AddUsersAsync(server, "alice@example.org");
            var port = server.Ports["lmtp"];

            // Three connections deliver as fast as they can; the kill lands while they are busy.
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 3).Select(n => Task.Run(() => DeliverUntilKilledAsync(port, n, acknowledged, stop.Token))).ToList();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (Count(acknowledged) < 30 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        Assert.True(Count(acknowledged) >= 30);
        await using var restarted = await PostaServer.StartAsync(["lmtp"], data.Path);
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = data.Path });
        var stored = (await LmtpStoreReader.InboxAsync(store, "alice@example.org")).Select(SubjectOf).ToHashSet(StringComparer.Ordinal);
        lock (acknowledged)
        {
            var missing = acknowledged.Where(s => !stored.Contains(s)).ToList();
            Assert.True(missing.Count == 0, $"acknowledged but lost: {string.Join(", ", missing)}");
        }
    }

    private static async Task DeliverUntilKilledAsync(int port, int sender, List<string> acknowledged, CancellationToken stop)
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", port);
            await using var lmtp = new LmtpLineClient(tcp.GetStream());
            await lmtp.ReadReplyAsync();
            await lmtp.CommandAsync("LHLO crash.test");
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var subject = string.Create(CultureInfo.InvariantCulture, $"crash-{sender}-{i}");
                await lmtp.CommandAsync("MAIL FROM:<carol@example.net>");
                await lmtp.CommandAsync("RCPT TO:<alice@example.org>");
                await lmtp.CommandAsync("DATA");
                await lmtp.SendAsync(Message(subject) + ".\r\n");
                if ((await lmtp.ReadReplyAsync()).StartsWith("250 ", StringComparison.Ordinal))
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(subject);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The server was killed mid-transaction: that message was never acknowledged.
        }
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static string SubjectOf(string message)
    {
        var start = message.IndexOf("\r\nSubject: ", StringComparison.Ordinal) + "\r\nSubject: ".Length;
        return message[start..message.IndexOf("\r\n", start, StringComparison.Ordinal)];
    }

    private static string Message(string subject) =>
        $"From: carol@example.net\r\nTo: alice@example.org\r\nSubject: {subject}\r\n\r\nHello over LMTP.\r\n";

    private static async Task AddUsersAsync(PostaServer server, params string[] users)
    {
        var domain = await server.RunCliAsync(["domain", "add", "example.org"]);
        Assert.True(domain.ExitCode == 0, domain.ToString());
        foreach (var user in users)
        {
            var add = await server.RunCliAsync(["user", "add", user, "--password-hash", "{PLAIN}lmtp test password"]);
            Assert.True(add.ExitCode == 0, add.ToString());
        }
    }
}
