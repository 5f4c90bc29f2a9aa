using System.Globalization;
using System.Text;
using Posta.Storage;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// Seed 002: a real Postfix takes mail over SMTP and delivers it into Posta over LMTP, on TCP
/// and on a unix socket; Posta's refusals become Postfix bounces.
/// </summary>
public sealed class PostfixLmtpTests
{
    [Fact]
    public async Task Postfix_delivers_into_a_Posta_mailbox_over_LMTP_on_TCP()
    {
        await using var posta = await PostaServer.StartAsync(["lmtp"]);
        await AddUserAsync(posta, "alice@example.org");
        await using var postfix = await StartPostfixAsync($"lmtp:inet:127.0.0.1:{posta.Ports["lmtp"].ToString(CultureInfo.InvariantCulture)}");

        await SendAsync(postfix, "alice@example.org", "postfix to posta over tcp");

        var message = await WaitForMessageAsync(posta, "alice@example.org", postfix);
        Assert.StartsWith("Return-Path: <sender@example.net>\r\nDelivered-To: alice@example.org\r\nReceived: from postfix.peer.test ([127.0.0.1])\r\n\tby posta.test (Posta) with LMTP id ", message, StringComparison.Ordinal);
        Assert.Contains("Subject: postfix to posta over tcp\r\n", message, StringComparison.Ordinal);
        Assert.Contains("hello from swaks", message, StringComparison.Ordinal);
        await WaitForLogAsync(postfix, "to=<alice@example.org>", "status=sent");
    }

    [Fact]
    public async Task Postfix_delivers_into_a_Posta_mailbox_over_LMTP_on_a_unix_socket()
    {
        using var dir = new TempDirectory("posta-lmtp-sock");
        var socketPath = dir.Combine("lmtp.sock");
        await using var posta = await PostaServer.StartAsync([], extraArguments: ["--listen", "lmtp=unix:" + socketPath]);
        await AddUserAsync(posta, "alice@example.org");

        // As with Dovecot's "unix_listener lmtp { group = postfix }": Postfix's lmtp client runs
        // as the postfix user and needs the socket's group.
        var chgrp = await ProcessRunner.RunAsync("chgrp", ["postfix", socketPath]);
        Assert.True(chgrp.ExitCode == 0, chgrp.ToString());
        await using var postfix = await StartPostfixAsync("lmtp:unix:" + socketPath);

        await SendAsync(postfix, "alice@example.org", "postfix to posta over a unix socket");

        var message = await WaitForMessageAsync(posta, "alice@example.org", postfix);
        Assert.Contains("Received: from postfix.peer.test (unix socket)", message, StringComparison.Ordinal);
        Assert.Contains("Subject: postfix to posta over a unix socket\r\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postfix_bounces_mail_for_a_user_Posta_does_not_know()
    {
        await using var posta = await PostaServer.StartAsync(["lmtp"]);
        await AddUserAsync(posta, "alice@example.org");
        await using var postfix = await StartPostfixAsync($"lmtp:inet:127.0.0.1:{posta.Ports["lmtp"].ToString(CultureInfo.InvariantCulture)}");

        await SendAsync(postfix, "nobody@example.org", "to nobody");

        var line = await WaitForLogAsync(postfix, "to=<nobody@example.org>", "status=");
        Assert.Contains("status=bounced", line, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1", line, StringComparison.Ordinal);
    }

    private static async Task<PostfixInstance> StartPostfixAsync(string transport) =>
        await PostfixInstance.StartAsync(
            mailboxes: ["alice@example.org"],
            extraMainCf: new Dictionary<string, string>
            {
                // Postfix hands example.org to Posta instead of its own virtual(8) agent...
                ["virtual_transport"] = transport,

                // ...and lets Posta decide who exists, so an unknown user is refused over LMTP
                // (and bounced) rather than by Postfix's own table.
                ["smtpd_reject_unlisted_recipient"] = "no",
            });

    private static async Task SendAsync(PostfixInstance postfix, string to, string subject)
    {
        var swaks = await ProcessRunner.RunAsync(
            ProcessRunner.RequireProgram("/usr/bin/swaks", "swaks"),
            ["--server", "127.0.0.1", "--port", postfix.SmtpPort.ToString(CultureInfo.InvariantCulture),
             "--from", "sender@example.net", "--to", to, "--header", "Subject: " + subject, "--body", "hello from swaks"]);
        Assert.True(swaks.ExitCode == 0, swaks.ToString());
    }

    private static async Task AddUserAsync(PostaServer posta, string user)
    {
        var domain = await posta.RunCliAsync(["domain", "add", user[(user.IndexOf('@', StringComparison.Ordinal) + 1)..]]);
        Assert.True(domain.ExitCode == 0, domain.ToString());
        var add = await posta.RunCliAsync(["user", "add", user, "--password-hash", "{PLAIN}interop password"]);
        Assert.True(add.ExitCode == 0, add.ToString());
    }

    private static async Task<string> WaitForMessageAsync(PostaServer posta, string address, PostfixInstance postfix)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = posta.DataDirectory });
        var user = await store.Directory.GetUserAsync(address) ?? throw new InvalidOperationException("no user " + address);
        var inbox = await store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException("no INBOX");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var records = await store.Mail.FetchAsync(inbox.Id, [UidRange.All]);
            if (records.Count > 0)
            {
                var record = Assert.Single(records);
                await using var content = await store.Blobs.OpenReadAsync(record.BlobHash);
                using var reader = new StreamReader(content, Encoding.UTF8);
                return await reader.ReadToEndAsync();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"nothing reached {address} in Posta.\nPostfix log:\n{postfix.ReadLog()}\nPosta log:\n{posta.Log}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits for a Postfix log line holding both strings; returns it.</summary>
    private static async Task<string> WaitForLogAsync(PostfixInstance postfix, string first, string second)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var line = postfix.ReadLog().Split('\n').FirstOrDefault(l => l.Contains(first, StringComparison.Ordinal) && l.Contains(second, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no Postfix log line with {first} and {second}:\n{postfix.ReadLog()}");
            }

            await Task.Delay(200);
        }
    }
}
