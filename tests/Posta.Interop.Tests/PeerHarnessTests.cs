using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// The peers later interop tests rely on really start under the harness and do their job: Postfix
/// accepts and delivers a message sent by swaks, Dovecot takes one over LMTP and shows it over IMAP.
/// </summary>
public sealed class PeerHarnessTests
{
    [Fact]
    public async Task Postfix_started_by_the_harness_delivers_a_message_sent_by_swaks()
    {
        await using var postfix = await PostfixInstance.StartAsync();
        var swaks = await ProcessRunner.RunAsync(
            ProcessRunner.RequireProgram("/usr/bin/swaks", "swaks"),
            ["--server", "127.0.0.1", "--port", postfix.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--from", "sender@example.net", "--to", "alice@peer.test", "--header", "Subject: harness check", "--body", "hello from swaks"]);
        Assert.True(swaks.ExitCode == 0, swaks.ToString());

        var files = await postfix.WaitForDeliveryAsync("alice@peer.test");
        var message = await File.ReadAllTextAsync(files[0]);
        Assert.Contains("Subject: harness check", message, StringComparison.Ordinal);
        Assert.Contains("hello from swaks", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dovecot_started_by_the_harness_takes_lmtp_and_serves_imap()
    {
        await using var dovecot = await DovecotInstance.StartAsync(new Dictionary<string, string> { ["bob@peer.test"] = "secret-pass" });

        await using (var lmtp = await LineClient.ConnectAsync(dovecot.LmtpPort))
        {
            Assert.StartsWith("220", (await lmtp.ReadReplyAsync())[0], StringComparison.Ordinal);
            foreach (var (command, expected) in new[] { ("LHLO harness.test", "250"), ("MAIL FROM:<x@example.net>", "250"), ("RCPT TO:<bob@peer.test>", "250"), ("DATA", "354") })
            {
                await lmtp.WriteLineAsync(command);
                var reply = await lmtp.ReadReplyAsync();
                Assert.True(reply[^1].StartsWith(expected, StringComparison.Ordinal), $"{command} -> {string.Join('\n', reply)}\n{dovecot.ReadLog()}");
            }

            await lmtp.WriteRawAsync("Subject: over lmtp\r\n\r\nbody\r\n.\r\n");
            var delivered = await lmtp.ReadReplyAsync();
            Assert.True(delivered[0].StartsWith("250", StringComparison.Ordinal), string.Join('\n', delivered) + "\n" + dovecot.ReadLog());
        }

        await using var imap = await LineClient.ConnectAsync(dovecot.ImapPort);
        Assert.StartsWith("* OK", await imap.ReadLineAsync(), StringComparison.Ordinal);
        await imap.WriteLineAsync("a LOGIN bob@peer.test secret-pass");
        Assert.StartsWith("a OK", (await imap.ReadUntilAsync("a "))[^1], StringComparison.Ordinal);
        await imap.WriteLineAsync("b SELECT INBOX");
        var select = await imap.ReadUntilAsync("b ");
        Assert.Contains("* 1 EXISTS", select);
        Assert.StartsWith("b OK", select[^1], StringComparison.Ordinal);
    }
}
