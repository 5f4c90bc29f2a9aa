using System.Globalization;
using System.Net.Sockets;
using Posta.Testing;

namespace Posta.Server.Tests;

/// <summary>DESIGN.md §4: a message acknowledged with 250 over SMTP survives <c>kill -9</c>.</summary>
public sealed class SmtpCrashTests
{
    private const int Connections = 3;
    private const int AcknowledgedBeforeKill = 30;

    [Fact]
    public async Task Every_message_acknowledged_on_the_MX_before_a_kill_9_is_in_the_mailbox_after_restart()
    {
        using var data = new TempDirectory("posta-data");
        var acknowledged = new List<string>();
        await using (var server = await PostaServer.StartAsync(["smtp"], data.Path))
        {
            Assert.Equal(0, (await server.RunCliAsync(["domain", "add", "example.org"])).ExitCode);
            Assert.Equal(0, (await server.RunCliAsync(["user", "add", "alice@example.org", "--password-hash", "{PLAIN}crash test"])).ExitCode);
            var port = server.Ports["smtp"];

            // The senders go on until the connection breaks: the kill lands while they are busy.
            var senders = Enumerable.Range(0, Connections).Select(n => Task.Run(() => SendUntilKilledAsync(port, n, acknowledged))).ToList();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
            while (Count(acknowledged) < AcknowledgedBeforeKill && DateTime.UtcNow < deadline && !senders.All(s => s.IsCompleted))
            {
                await Task.Delay(20);
            }

            await server.KillAsync();
            await Task.WhenAll(senders);
        }

        var sent = Snapshot(acknowledged);
        Assert.True(sent.Count >= AcknowledgedBeforeKill, $"only {sent.Count} messages were acknowledged before the kill");
        await using var restarted = await PostaServer.StartAsync(["smtp"], data.Path);
        var stored = (await DeliveredMail.InboxAsync(data.Path, "alice@example.org"))
            .Select(m => System.Text.Encoding.Latin1.GetString(m))
            .Select(MessageIdOf)
            .ToHashSet(StringComparer.Ordinal);
        var missing = sent.Where(id => !stored.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {sent.Count} acknowledged messages lost: {string.Join(", ", missing)}");

        // The restarted server takes mail again on the same store.
        var (client, _) = await SmtpWireClient.GreetAsync(restarted.Ports["smtp"]);
        await using (client)
        {
            Assert.StartsWith("250 2.0.0 Ok: queued as ", await client.SendMessageAsync("<carol@example.net>", "<alice@example.org>", Message("<after-restart@crash.test>")), StringComparison.Ordinal);
        }
    }

    private static async Task SendUntilKilledAsync(int port, int sender, List<string> acknowledged)
    {
        try
        {
            var (client, _) = await SmtpWireClient.GreetAsync(port);
            await using (client)
            {
                for (var i = 0; ; i++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"<crash-{sender}-{i}@crash.test>");
                    var reply = await client.SendMessageAsync("<carol@example.net>", "<alice@example.org>", Message(id));
                    if (reply.StartsWith("250 ", StringComparison.Ordinal))
                    {
                        lock (acknowledged)
                        {
                            acknowledged.Add(id);
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException or Xunit.Sdk.XunitException)
        {
            // The server died mid-transaction (a reset, a closed stream, or a command whose reply
            // never came): that message was never acknowledged.
        }
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private static string MessageIdOf(string message)
    {
        const string Field = "\r\nMessage-ID: ";
        var start = message.IndexOf(Field, StringComparison.Ordinal) + Field.Length;
        return message[start..message.IndexOf("\r\n", start, StringComparison.Ordinal)];
    }

    private static string Message(string messageId) =>
        $"From: carol@example.net\r\nTo: alice@example.org\r\nMessage-ID: {messageId}\r\nSubject: crash test\r\n\r\nSent while the server may die.\r\n";
}
